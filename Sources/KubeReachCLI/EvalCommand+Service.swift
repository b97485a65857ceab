import KubeReachCore
import KubeReachRender

extension EvalCommand {
    /// The answer through a Service: per backend and port, then the verdict (allowed when
    /// some backend accepts).
    func evaluate(_ service: Service, _ resolved: ResolvedPair, reach: Reachability) -> ExitStatus {
        let backends = resolved.destination.podIndices
        let ports = service.ports(asked: resolved.question.port, protocol: resolved.question.proto)
        let answers = reach.answers(of: service, backends: backends, ports: ports, from: resolved.source)
        let conns = BackendAnswer.connections(answers)
        let allowed = answers.contains(where: \.allowed)
        var why: String? = nil
        if ports.isEmpty {
            let list = service.ports.map { "\($0.proto.rawValue) \($0.port)" }.joined(separator: ", ")
            why =
                "the Service has no port\(resolved.question.askedText.isEmpty ? "s" : resolved.question.askedText)\(list.isEmpty ? "" : " (its ports: \(list))")"
        } else if backends.isEmpty {
            let selector = (service.selector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            why = "no pod of the input matches the Service's selector \(selector)"
        }
        CommandIO.current.out(
            output == .json
                ? serviceJSON(resolved, conns: conns, allowed: allowed, answers: answers, why: why)
                : serviceText(resolved, conns: conns, allowed: allowed, answers: answers, why: why))
        return allowed ? .success : .negative
    }

    private func serviceText(_ r: ResolvedPair, conns: ConnectionSet, allowed: Bool, answers: [BackendAnswer], why: String?) -> String {
        var s = "\(allowed ? "allowed" : "denied")\(r.question.askedText): \(r.sourceName) => \(r.destinationName)\n"
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
        var doc = EvalDocument(
            source: r.source.endpoint, destination: r.destination.endpoint, query: query(r.question), allowed: allowed, connections: conns)
        doc.dst = r.destinationName
        doc.service = r.service.map { Endpoint.service(namespace: $0.namespace, name: $0.name).description }
        doc.backends = answers.map {
            EvalDocument.Backend(
                backend: $0.backend, protocol: $0.port.proto.rawValue, port: $0.port.port, targetPort: $0.target, allowed: $0.allowed)
        }
        doc.reason = why
        return JSONOutput.encode(doc)
    }

    private static func targetName(_ port: Service.Port) -> String {
        if case .name(let n)? = port.targetPort { return n }
        return "?"
    }
}
