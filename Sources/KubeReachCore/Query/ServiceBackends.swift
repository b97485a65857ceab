/// What a Service name or ClusterIP stands for in a question: the pods its selector picks
/// in its namespace, each reached on the target port of the Service port asked about.
extension Service {
    /// `ns/name[Service]`, as endpoints are named.
    public var displayName: String { "\(namespace)/\(name)[Service]" }

    /// Whether `kind` (as written on the command line: `Service`, `services`, `svc`) names a Service.
    public static func isServiceKind(_ kind: String) -> Bool { ["service", "services", "svc"].contains(kind.lowercased()) }

    /// Whether the selector picks pods at all: without one (or with `{}`) the endpoints are
    /// managed by hand and are not in the input.
    public var selectsPods: Bool { !(selector ?? [:]).isEmpty && type != "ExternalName" }

    /// Whether the Service's selector picks `pod` (same namespace, every label equal).
    public func selects(_ pod: Pod) -> Bool {
        guard selectsPods, let selector, pod.namespace == namespace else { return false }
        return selector.allSatisfy { pod.labels[$0.key] == $0.value }
    }

    /// The pod port that Service port `port` reaches on `pod`: the numeric `targetPort`, a
    /// named `targetPort` looked up in the pod's container ports of the same protocol (nil
    /// when the pod declares no such name: it is then no endpoint for that port), or the
    /// Service port itself when `targetPort` is absent.
    public func targetPort(of port: Port, on pod: Pod) -> Int? {
        switch port.targetPort {
        case nil: return port.port
        case .number(let n)?: return n
        case .name(let name)?: return pod.ports.first { $0.name == name && $0.proto == port.proto }?.port
        }
    }
}

extension Cluster {
    /// The Service a reference names: `ns/Service/name` (or `svc`, `services`), or an
    /// address that is some Service's ClusterIP. A bare `ns/name` names a pod or workload.
    public func service(for ref: EndpointReference) -> Service? {
        switch ref {
        case .object(let ns, let kind?, let name) where Service.isServiceKind(kind):
            return services.first { $0.namespace == ns && $0.name == name }
        case .address(let ip):
            return services.first { $0.clusterIPs.contains(ip) }
        case .object:
            return nil
        }
    }

    /// The backend pods (indices into `pods`) of a Service, in pod order.
    public func backends(of service: Service) -> [Int] { pods.indices.filter { service.selects(pods[$0]) } }

    /// How a backend pod is named: a real pod by `ns/name`, a workload's template pod by its
    /// workload (`ns/name[Kind]`, with its variant when split).
    public func backendName(ofPod i: Int) -> String {
        isTemplatePod(pods[i]) ? pods[i].workload.description : pods[i].qualifiedName
    }
}
