/// A Service. It does not change what a policy allows (policies see the backend pods and
/// their target ports, never the Service); `eval` resolves a Service name or ClusterIP to its
/// backends (`Cluster.backends(of:)`, `targetPort(of:on:)`).
public struct Service: Hashable, Sendable {
    public struct Port: Hashable, Sendable {
        public var name: String?
        public var port: Int
        public var targetPort: PolicyPort.Value?
        public var proto: NetworkProtocol

        public init(name: String? = nil, port: Int, targetPort: PolicyPort.Value? = nil, proto: NetworkProtocol = .tcp) {
            self.name = name
            self.port = port
            self.targetPort = targetPort
            self.proto = proto
        }
    }

    public var namespace: String
    public var name: String
    /// nil for a Service without selector (endpoints managed by hand).
    public var selector: [String: String]?
    public var ports: [Port]
    public var type: String
    /// `spec.clusterIP(s)` when the input carries them (dumps do; manifests rarely).
    public var clusterIPs: [IPAddress]
    public var location: SourceLocation?

    public init(
        namespace: String, name: String, selector: [String: String]?, ports: [Port], type: String = "ClusterIP",
        clusterIPs: [IPAddress] = [], location: SourceLocation? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.selector = selector
        self.ports = ports
        self.type = type
        self.clusterIPs = clusterIPs
        self.location = location
    }
}
