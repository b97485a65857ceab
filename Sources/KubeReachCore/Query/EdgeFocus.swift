/// Narrows a connectivity list to some endpoints (`list --focus`): lines touching them, in
/// one direction, towards chosen peers, or allowing one protocol/port.
public struct EdgeFocus: Sendable {
    /// Focus endpoints (`name` in any namespace, `ns/name`, `ns/Kind/name`, `ns/*`).
    public var nodes: [EndpointReference]
    /// When set, the other end must be one of these.
    public var peers: [EndpointReference]
    /// `.ingress`: the focus endpoint is the destination; `.egress`: the source.
    public var direction: PolicyDirection?
    /// When set, only pairs that allow this protocol and port.
    public var connection: (proto: NetworkProtocol, port: Int)?

    public init(
        nodes: [EndpointReference] = [], peers: [EndpointReference] = [], direction: PolicyDirection? = nil,
        connection: (NetworkProtocol, Int)? = nil
    ) {
        self.nodes = nodes
        self.peers = peers
        self.direction = direction
        self.connection = connection
    }

    /// Whether an endpoint is named by one of `refs` (external ranges never are: focus is on
    /// workloads, as netpol-analyzer's is).
    public static func names(_ endpoint: Endpoint, among refs: [EndpointReference]) -> Bool {
        !endpoint.isExternal && refs.contains { $0.matches(endpoint) }
    }

    public func apply(_ edges: [ConnectivityEdge]) -> [ConnectivityEdge] {
        edges.filter { e in
            if let c = connection, !e.connections.contains(c.proto, c.port) { return false }
            if nodes.isEmpty { return true }
            let intoFocus = Self.names(e.destination, among: nodes) && (peers.isEmpty || Self.names(e.source, among: peers))
            let outOfFocus = Self.names(e.source, among: nodes) && (peers.isEmpty || Self.names(e.destination, among: peers))
            switch direction {
            case .ingress?: return intoFocus
            case .egress?: return outOfFocus
            case nil: return intoFocus || outOfFocus
            }
        }
    }

    /// Focus and peer references that match no endpoint, for a warning.
    public func unknownReferences(among endpoints: some Collection<Endpoint>) -> [EndpointReference] {
        (nodes + peers).filter { ref in !endpoints.contains { Self.names($0, among: [ref]) } }
    }
}
