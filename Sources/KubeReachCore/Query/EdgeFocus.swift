/// Narrows a connectivity list to some nodes (`list --focus`): lines touching them, in one
/// direction, towards chosen peers, or allowing one protocol/port.
public struct EdgeFocus: Sendable {
    /// Names of focus nodes: a bare name (any namespace) or `ns/name`.
    public var nodes: [String]
    /// When set, the other end must be one of these.
    public var peers: [String]
    /// `.ingress`: the focus node is the destination; `.egress`: the source.
    public var direction: PolicyDirection?
    /// When set, only pairs that allow this protocol and port.
    public var connection: (proto: NetworkProtocol, port: Int)?

    public init(nodes: [String] = [], peers: [String] = [], direction: PolicyDirection? = nil, connection: (NetworkProtocol, Int)? = nil) {
        self.nodes = nodes
        self.peers = peers
        self.direction = direction
        self.connection = connection
    }

    /// Parses `tcp-8080` (protocol case-insensitive).
    public static func parseConnection(_ text: String) -> (NetworkProtocol, Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let proto = NetworkProtocol(name: String(parts[0])), let port = Int(parts[1]),
            (1...65535).contains(port)
        else { return nil }
        return (proto, port)
    }

    /// Whether a node name (`ns/name[Kind]`, `ns/name`, `ns`) is named by one of `names`.
    public static func names(_ node: String, among names: [String]) -> Bool {
        if IPRange.isExternalName(node) { return false }
        let base = node.firstIndex(of: "[").map { String(node[..<$0]) } ?? node
        let bare = base.split(separator: "/").last.map(String.init) ?? base
        return names.contains { $0 == base || $0 == bare || $0 == node }
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

    /// Focus and peer names that match no node, for a warning.
    public func unknownNames(among nodeNames: [String]) -> [String] {
        (nodes + peers).filter { name in !nodeNames.contains { Self.names($0, among: [name]) } }
    }
}
