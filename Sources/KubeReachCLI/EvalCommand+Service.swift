import KubeReachCore
import KubeReachRender

extension ResolvedEndpoint {
    /// The pods of the endpoint (none for an external address).
    var podIndices: [Int] {
        if case .pods(let list, _) = self { return list }
        return []
    }
}

/// One line of a Service answer: a backend (or the replicas of one, alike) on one Service
/// port, the pod port it maps to, and whether the source may reach it there.
struct BackendAnswer: Hashable {
    var backend: String
    var port: Service.Port
    /// nil when the pod declares no container port of the target port's name.
    var target: Int?
    var allowed: Bool
}

/// `eval SRC ns/Service/name` and `eval SRC CLUSTER-IP`: each backend pod of the Service on
/// each Service port asked about, mapped to its target port.
///
/// The verdict is **allowed when at least one backend accepts** on some asked port: a
/// connection to the Service is balanced over its backends, so some connections get
/// through. Calling that "denied" would hide a path an attacker can use.
struct ServiceQuery {
    let reach: Reachability
    let service: Service
    let backends: [Int]

    /// The Service ports asked about: the one of `--port`/`--protocol`, or every port.
    func ports(_ asked: PortQueryOptions) -> [Service.Port] {
        service.ports.filter { p in
            (asked.port.map { p.port == $0 } ?? true) && (asked.proto.map { p.proto == $0 } ?? true)
                && (asked.port == nil || p.proto == (asked.proto ?? .tcp))
        }
    }

    /// Every (backend, port) answer, replicas of one backend name merged, in backend order.
    func answers(from source: ResolvedEndpoint, ports: [Service.Port]) -> [BackendAnswer] {
        var out: [BackendAnswer] = []
        var index: [String: Int] = [:]
        let query = PairQuery(reach: reach)
        for b in backends {
            let conns = query.connections(from: source, to: .pods([b], name: ""))
            let pod = reach.cluster.pods[b], name = reach.cluster.backendName(ofPod: b)
            for p in ports {
                let target = service.targetPort(of: p, on: pod)
                let allowed = target.map { conns.contains(p.proto, $0) } ?? false
                let key = "\(name)\u{0}\(p.proto.rawValue)\u{0}\(p.port)\u{0}\(target ?? 0)"
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

    /// The Service ports (as the client dials them) that some backend accepts.
    static func connections(_ answers: [BackendAnswer]) -> ConnectionSet {
        answers.filter(\.allowed).reduce(ConnectionSet.none) { $0.union(ConnectionSet($1.port.proto, PortSet(port: $1.port.port))) }
    }
}

extension EvalCommand {
    /// The answer through a Service: per backend and port, then the verdict (allowed when
    /// some backend accepts).
    func evaluate(_ service: Service, _ resolved: ResolvedPair, reach: Reachability) -> ExitStatus {
        let query = ServiceQuery(reach: reach, service: service, backends: resolved.destination.podIndices)
        let ports = query.ports(pair.query.ports)
        let answers = query.answers(from: resolved.source, ports: ports)
        let conns = ServiceQuery.connections(answers)
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
        let backends = answers.map { a in
            "{\"backend\": \(JSONText.quote(a.backend)), \"protocol\": \"\(a.port.proto.rawValue)\", \"port\": \(a.port.port), "
                + "\"targetPort\": \(a.target.map(String.init) ?? "null"), \"allowed\": \(a.allowed)}"
        }
        return """
            {
              "src": \(JSONText.quote(r.sourceName)),
              "dst": \(JSONText.quote(r.destinationName)),
              "service": \(JSONText.quote(r.service?.displayName ?? "")),
              "allowed": \(allowed),
              "conn": \(JSONText.quote(conns.description)),
              "backends": [\(backends.joined(separator: ", "))],
              "reason": \(why.map(JSONText.quote) ?? "null")
            }

            """
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
        let query = PairQuery(reach: reach)
        for (sn, sp) in s {
            for (dn, dp) in d {
                let c = query.connections(from: sp, to: dp)
                lines.append((sn, dn, c, ports.isAllowed(c)))
            }
        }
    }

    /// The endpoint's pods grouped by workload variant (one group when not split).
    private static func groups(_ e: ResolvedEndpoint, _ reach: Reachability) -> [(String, ResolvedEndpoint)] {
        guard case .pods(let list, let name) = e, list.count > 1 else { return [(ResolvedPair.name(e), e)] }
        let byVariant = Dictionary(grouping: list) { reach.cluster.pods[$0].workload.description }
        guard byVariant.count > 1, list.allSatisfy({ reach.cluster.pods[$0].workload.variant != nil }) else { return [(name, e)] }
        return byVariant.keys.sorted().map { ($0, .pods(byVariant[$0]!, name: $0)) }
    }

    var text: String {
        guard !lines.isEmpty else { return "" }
        return "by variant (pods the policies treat differently):\n"
            + lines.map { "  \($0.allowed ? "allowed" : "denied ") \($0.source) => \($0.destination) : \($0.conns.description)\n" }.joined()
    }

    var json: String {
        guard !lines.isEmpty else { return "" }
        let items = lines.map {
            "{\"src\": \(JSONText.quote($0.source)), \"dst\": \(JSONText.quote($0.destination)), \"allowed\": \($0.allowed), \"conn\": \(JSONText.quote($0.conns.description))}"
        }
        return ",\n  \"variants\": [\(items.joined(separator: ", "))]"
    }
}
