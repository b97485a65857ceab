import KubeReachCore
import KubeReachRender

extension ResolvedEndpoint {
    /// The pods of the endpoint (none for an external address).
    var podIndices: [Int] {
        if case .pods(let list, _) = self { return list }
        return []
    }
}

/// `eval SRC ns/Service/name` and `eval SRC CLUSTER-IP`: the Service's backends answered
/// from SRC (`Service.answers`, in Core) through the pair query of `eval`.
struct ServiceQuery {
    let reach: Reachability
    let service: Service
    let backends: [Int]

    /// Every (backend, port) answer for the Service ports asked about.
    func answers(from source: ResolvedEndpoint, asked: PortQueryOptions) -> [BackendAnswer] {
        return service.answers(
            backends: backends, in: reach.cluster, ports: service.ports(asked: asked.port, protocol: asked.proto),
            connectionsTo: { reach.connections(from: source, to: .pods([$0], endpoint: reach.endpoint(ofPod: $0, level: .pod))) })
    }
}

extension EvalCommand {
    /// The answer through a Service: per backend and port, then the verdict (allowed when
    /// some backend accepts).
    func evaluate(_ service: Service, _ resolved: ResolvedPair, reach: Reachability) -> ExitStatus {
        let query = ServiceQuery(reach: reach, service: service, backends: resolved.destination.podIndices)
        let ports = service.ports(asked: pair.query.port, protocol: pair.query.proto)
        let answers = query.answers(from: resolved.source, asked: pair.query.ports)
        let conns = BackendAnswer.connections(answers)
        let allowed = answers.contains(where: \.allowed)
        var why: String? = nil
        if ports.isEmpty {
            let list = service.ports.map { "\($0.proto.rawValue) \($0.port)" }.joined(separator: ", ")
            why = "the Service has no port\(pair.query.askedText.isEmpty ? "s" : pair.query.askedText)\(list.isEmpty ? "" : " (its ports: \(list))")"
        } else if query.backends.isEmpty {
            let selector = (service.selector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            why = "no pod of the input matches the Service's selector \(selector)"
        }
        CommandIO.current.out(output == .json
            ? serviceJSON(resolved, conns: conns, allowed: allowed, answers: answers, why: why)
            : serviceText(resolved, conns: conns, allowed: allowed, answers: answers, why: why))
        return allowed ? .success : .negative
    }

    private func serviceText(_ r: ResolvedPair, conns: ConnectionSet, allowed: Bool, answers: [BackendAnswer], why: String?) -> String {
        var s = "\(allowed ? "allowed" : "denied")\(pair.query.askedText): \(r.sourceName) => \(r.destinationName)\n"
        s += "allowed connections: \(conns.description)\n"
        if let why { return s + "backends: none answer: \(why)\n" }
        s += "backends (Service port -> pod port; allowed when one of them answers):\n"
        for a in answers {
            let target = a.target.map { "\(a.port.proto.rawValue) \($0)" } ?? "no port named \(Self.targetName(a.port))"
            s += "  \(a.allowed ? "allowed" : "denied ") \(a.port.proto.rawValue) \(a.port.port) -> \(target): \(a.backend)\n"
        }
        return s
    }

    private func serviceJSON(_ r: ResolvedPair, conns: ConnectionSet, allowed: Bool, answers: [BackendAnswer], why: String?) -> String {
        var doc = EvalDocument(source: r.source.endpoint, destination: r.destination.endpoint, query: query, allowed: allowed, connections: conns)
        doc.dst = r.destinationName
        doc.service = r.service.map { Endpoint.service(namespace: $0.namespace, name: $0.name).description }
        doc.backends = answers.map {
            EvalDocument.Backend(backend: $0.backend, protocol: $0.port.proto.rawValue, port: $0.port.port, targetPort: $0.target, allowed: $0.allowed)
        }
        doc.reason = why
        return JSONOutput.encode(doc)
    }

    private static func targetName(_ port: Service.Port) -> String {
        if case .name(let n)? = port.targetPort { return n }
        return "?"
    }
}

/// When an endpoint named a workload that was split into variants (its pods differ in a way
/// the policies read), the answer of each variant pair: the verdict is the union (some pod
/// may connect), and these lines say which pods.
struct VariantAnswers {
    var lines: [(source: String, destination: String, conns: ConnectionSet, allowed: Bool)] = []

    init(reach: Reachability, source: ResolvedEndpoint, destination: ResolvedEndpoint, ports: PortQueryOptions) {
        let s = Self.groups(source, reach), d = Self.groups(destination, reach)
        guard s.count > 1 || d.count > 1 else { return }
        for (sn, sp) in s {
            for (dn, dp) in d {
                let c = reach.connections(from: sp, to: dp)
                lines.append((sn, dn, c, ports.isAllowed(c)))
            }
        }
    }

    /// The endpoint's pods grouped by workload variant (one group when not split).
    private static func groups(_ e: ResolvedEndpoint, _ reach: Reachability) -> [(String, ResolvedEndpoint)] {
        guard case .pods(let list, let endpoint) = e, list.count > 1 else { return [(e.endpoint.description, e)] }
        let byVariant = Dictionary(grouping: list) { reach.cluster.pods[$0].workload }
        guard byVariant.count > 1, list.allSatisfy({ reach.cluster.pods[$0].workload.variant != nil }) else { return [(endpoint.description, e)] }
        return byVariant.keys.sorted().map { ($0.description, .pods(byVariant[$0]!, endpoint: .workload($0))) }
    }

    var text: String {
        guard !lines.isEmpty else { return "" }
        return "by variant (pods the policies treat differently):\n"
            + lines.map { "  \($0.allowed ? "allowed" : "denied ") \($0.source) => \($0.destination) : \($0.conns.description)\n" }.joined()
    }

    var documents: [EvalDocument.Variant] {
        lines.map { EvalDocument.Variant(src: $0.source, dst: $0.destination, allowed: $0.allowed, conn: $0.conns.description) }
    }
}
