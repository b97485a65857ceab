import ArgumentParser
import KubeReachCore
import KubeReachRender

extension NetworkProtocol: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// `kubereach eval SRC DST`: the verdict for one pair, with exit code 0 allowed, 1 denied.
struct EvalCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Can SRC reach DST? Prints the verdict and the allowed connections; exit 0 allowed, 1 denied, 2 error.")

    @OptionGroup var pair: PairArguments

    @Option(name: .shortAndLong, help: "Output format: txt or json.")
    var output: PairFormat = .txt


    func evaluate() throws -> ExitStatus {
        let resolved = try pair.resolve()
        let reach = Reachability(cluster: resolved.cluster, options: resolved.options)
        let conns = PairQuery(reach: reach).connections(from: resolved.source, to: resolved.destination)
        let allowed = pair.query.ports.isAllowed(conns)
        CommandIO.current.out(render(resolved, conns: conns, allowed: allowed))
        return allowed ? .success : .negative
    }

    private func render(_ resolved: ResolvedPair, conns: ConnectionSet, allowed: Bool) -> String {
        let verdict = allowed ? "allowed" : "denied"
        if output == .json {
            let query = pair.query
            let q = query.port == nil && query.proto == nil
                ? nil : EvalDocument.Query(protocol: (query.proto ?? .tcp).rawValue, port: query.port)
            return JSONOutput.encode(
                EvalDocument(source: resolved.source.endpoint, destination: resolved.destination.endpoint, query: q, allowed: allowed, connections: conns))
        }
        let t = { (x: String) in TerminalText.escaped(x) }
        return "\(verdict)\(pair.query.askedText): \(t(resolved.sourceName)) => \(t(resolved.destinationName))\nallowed connections: \(conns.description)\n"
    }
}

/// Connections between two resolved endpoints: the union over their pods' pairs (a pod to
/// itself is always allowed).
struct PairQuery {
    let reach: Reachability

    func connections(from s: ResolvedEndpoint, to d: ResolvedEndpoint) -> ConnectionSet {
        switch (s, d) {
        case (.pods(let a, _), .pods(let b, _)):
            // The same single pod: self traffic. Otherwise only distinct pods (replicas too).
            if a == b && a.count == 1 { return .all }
            var c = ConnectionSet.none
            for i in a { for j in b where i != j { c = c.union(reach.connections(fromPod: i, toPod: j)) } }
            return c
        case (.external(let ip), .pods(let b, _)):
            guard let x = reach.externalSourceIndex(of: ip) else { return .none }
            return b.reduce(ConnectionSet.none) { $0.union(reach.connections(fromExternal: x, toPod: $1)) }
        case (.pods(let a, _), .external(let ip)):
            guard let x = reach.externalDestinationIndex(of: ip) else { return .none }
            return a.reduce(ConnectionSet.none) { $0.union(reach.connections(fromPod: $1, toExternal: x)) }
        case (.external, .external):
            return .none
        }
    }
}
