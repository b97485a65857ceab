/// A declared container port. A policy's named port resolves against these.
public struct ContainerPort: Hashable, Sendable, Comparable {
    public var name: String?
    public var port: Int
    public var proto: NetworkProtocol

    public init(name: String? = nil, port: Int, proto: NetworkProtocol = .tcp) {
        self.name = name
        self.port = port
        self.proto = proto
    }

    public static func < (l: Self, r: Self) -> Bool {
        (l.name ?? "", l.port, l.proto.rawValue) < (r.name ?? "", r.port, r.proto.rawValue)
    }
}

/// A pod, real (from a Pod manifest) or stood for by a workload's template.
public struct Pod: Hashable, Sendable {
    public var namespace: String
    public var name: String
    public var labels: [String: String]
    /// From `status.podIP`/`podIPs`; empty when unknown (template pods).
    public var ips: [IPAddress]
    public var ports: [ContainerPort]
    public var hostNetwork: Bool
    /// What the pod is shown as at workload level.
    public var workload: WorkloadRef
    public var location: SourceLocation?
    /// The pod spec's security facts (service account, host namespaces, securityContext,
    /// volumes); nil for pods built without a spec (tests, synthetic clusters).
    public var security: PodSecurity?
    /// `spec.nodeName` (nil: not placed, as in a workload's template); Cilium's `host` needs it.
    public var nodeName: String? = nil
    /// `spec.serviceAccountName` (nil: unset, which is `default`); Cilium's identities carry it.
    public var serviceAccount: String? = nil

    /// The service account the pod runs as: `spec.serviceAccountName`, else `default`.
    public var serviceAccountName: String { serviceAccount ?? "default" }

    public init(
        namespace: String, name: String, labels: [String: String] = [:], ips: [IPAddress] = [],
        ports: [ContainerPort] = [], hostNetwork: Bool = false, workload: WorkloadRef? = nil,
        location: SourceLocation? = nil, security: PodSecurity? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.labels = labels
        self.ips = ips
        self.ports = ports.sorted()
        self.hostNetwork = hostNetwork
        self.workload = workload ?? WorkloadRef(namespace: namespace, name: name, kind: "Pod")
        self.location = location
        self.security = security
    }

    /// `ns/name`
    public var qualifiedName: String { "\(namespace)/\(name)" }
}
