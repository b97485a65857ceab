import KubeReachCore

/// `list -o json`: `{"version": 1, "connections": [{src, dst, conn, ports, otherProtocols}]}`.
public struct ConnectionListDocument: Codable, Sendable {
    public var version = JSONOutput.version
    public var connections: [ConnectionDocument]

    public init(_ edges: [ConnectivityEdge]) { connections = edges.map(ConnectionDocument.init) }
}

/// One allowed pair.
public struct ConnectionDocument: Codable, Sendable, Equatable {
    public var src: String
    public var dst: String
    /// The connection text (`TCP 80,UDP 53`, `All Connections`).
    public var conn: String
    public var ports: [PortRangeDocument]
    /// Whether every IP protocol other than TCP, UDP and SCTP (ICMP, ...) is allowed too.
    public var otherProtocols: Bool
    /// The other protocols allowed when only some are (ICMP types, protocol numbers); absent otherwise.
    public var otherProtocolParts: OtherProtocolsDocument?

    public init(_ e: ConnectivityEdge) { self.init(ListedEdge(e)) }

    /// A printed line (with `--externals merged`, its external end names several ranges).
    public init(_ e: ListedEdge) {
        src = e.source
        dst = e.destination
        conn = e.connections.description
        ports = PortRangeDocument.list(e.connections)
        otherProtocols = e.connections.otherProtocols
        otherProtocolParts = OtherProtocolsDocument.partial(e.connections)
    }
}

/// `list --focus-conn PROTO-PORT -o json`: the pairs allowing that one connection.
public struct PairListDocument: Codable, Sendable {
    public struct Pair: Codable, Sendable, Equatable {
        public var src: String
        public var dst: String
    }

    public var version = JSONOutput.version
    /// The connection asked about (`TCP 8080`).
    public var connection: String
    public var pairs: [Pair]

    public init(_ edges: [ConnectivityEdge], connection: ConnectionSet) {
        self.connection = connection.description
        pairs = edges.map { Pair(src: $0.source.description, dst: $0.destination.description) }
    }
}
