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
    /// The other protocols allowed when only some are (ICMP types, protocol numbers); absent otherwise.
    public var otherProtocolParts: OtherProtocolsDocument?
    /// The Service asked about (`ns/name[Service]`), when the destination is one.
    @Nullable public var service: String?
    /// Per backend pod and Service port, for a Service destination.
    public var backends: [Backend] = []
    /// Why no backend answers, when none can.
    @Nullable public var reason: String?
    /// Per workload variant, when an endpoint's pods are told apart by the policies.
    public var variants: [Variant] = []

    /// One backend of a Service on one Service port.
    public struct Backend: Codable, Sendable, Equatable {
        public var backend: String
        public var `protocol`: String
        public var port: Int
        /// nil when the backend declares no port of the Service's target name.
        @Nullable public var targetPort: Int?
        public var allowed: Bool

        public init(backend: String, protocol: String, port: Int, targetPort: Int?, allowed: Bool) {
            self.backend = backend
            self.protocol = `protocol`
            self.port = port
            self.targetPort = targetPort
            self.allowed = allowed
        }
    }

    /// One pair of variants.
    public struct Variant: Codable, Sendable, Equatable {
        public var src: String
        public var dst: String
        public var allowed: Bool
        public var conn: String

        public init(src: String, dst: String, allowed: Bool, conn: String) {
            self.src = src
            self.dst = dst
            self.allowed = allowed
            self.conn = conn
        }
    }

    public init(source: Endpoint, destination: Endpoint, query: Query?, allowed: Bool, connections: ConnectionSet) {
        src = source.description
        dst = destination.description
        self.query = query
        self.allowed = allowed
        conn = connections.description
        ports = PortRangeDocument.list(connections)
        otherProtocols = connections.otherProtocols
        otherProtocolParts = OtherProtocolsDocument.partial(connections)
    }
}
