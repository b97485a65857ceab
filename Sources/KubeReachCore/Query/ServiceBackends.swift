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
            return services.first { $0.namespace == (ns ?? "default") && $0.name == name }
        case .address(let ip):
            return services.first { $0.clusterIPs.contains(ip) }
        default:
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

/// One line of a Service answer: a backend (or the replicas of one, alike) on one Service
/// port, the pod port it maps to, and whether the source may reach it there.
public struct BackendAnswer: Hashable, Sendable {
    /// `Cluster.backendName(ofPod:)`.
    public var backend: String
    public var port: Service.Port
    /// nil when the pod declares no container port of the target port's name.
    public var target: Int?
    public var allowed: Bool

    /// The Service ports (as the client dials them) that some backend accepts.
    public static func connections(_ answers: [BackendAnswer]) -> ConnectionSet {
        answers.filter(\.allowed).reduce(ConnectionSet.none) { $0.union(ConnectionSet($1.port.proto, PortSet(port: $1.port.port))) }
    }
}

extension Service {
    /// The Service ports a question names: `port` (of `proto`, TCP by default) when given,
    /// every port of `proto` when only that is given, else every port.
    public func ports(asked port: Int?, protocol proto: NetworkProtocol?) -> [Port] {
        ports.filter { p in
            if let port { return p.port == port && p.proto == (proto ?? .tcp) }
            return proto.map { p.proto == $0 } ?? true
        }
    }

    /// Each backend on each of `ports`: its target port on that pod and whether
    /// `connectionsTo(pod)` (what the source may send to that pod) contains it. Replicas
    /// shown under one name are merged (allowed when one of them is). A Service answer is
    /// **allowed when some line is**: connections are spread over every backend.
    /// - Complexity: O(backends × ports), plus one `connectionsTo` call per backend.
    public func answers(
        backends: [Int], in cluster: Cluster, ports: [Port], connectionsTo: (Int) -> ConnectionSet
    ) -> [BackendAnswer] {
        var out: [BackendAnswer] = []
        var index: [String: Int] = [:]
        for b in backends {
            let conns = connectionsTo(b)
            let pod = cluster.pods[b], name = cluster.backendName(ofPod: b)
            for p in ports {
                let target = targetPort(of: p, on: pod)
                let allowed = target.map { conns.contains(p.proto, $0) } ?? false
                let key = "\(name)\u{0}\(p.proto.rawValue)\u{0}\(p.port)\u{0}\(target.map(String.init) ?? "-")"
                if let i = index[key] {
                    out[i].allowed = out[i].allowed || allowed
                } else {
                    index[key] = out.count
                    out.append(BackendAnswer(backend: name, port: p, target: target, allowed: allowed))
                }
            }
        }
        return out
    }
}
