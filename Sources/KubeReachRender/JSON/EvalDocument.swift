import KubeReachCore

/// `eval -o json`: the verdict for one pair.
public struct EvalDocument: Codable, Sendable {
    /// The question: one port of a protocol, or a whole protocol (`port` nil).
    public struct Query: Codable, Sendable, Equatable {
        public var `protocol`: String
        @Nullable public var port: Int?

        public init(protocol: String, port: Int?) {
            self.protocol = `protocol`
            self.port = port
        }
    }

    public var version = JSONOutput.version
    public var src: String
    public var dst: String
    /// nil when anything at all was asked about.
    @Nullable public var query: Query?
    public var allowed: Bool
    public var conn: String
    public var ports: [PortRangeDocument]
    /// Whether every IP protocol other than TCP, UDP and SCTP (ICMP, ...) is allowed too.
    public var otherProtocols: Bool

    public init(source: Endpoint, destination: Endpoint, query: Query?, allowed: Bool, connections: ConnectionSet) {
        src = source.description
        dst = destination.description
        self.query = query
        self.allowed = allowed
        conn = connections.description
        ports = PortRangeDocument.list(connections)
        otherProtocols = connections.otherProtocols
    }
}
