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
        let conns = reach.connections(from: resolved.source, to: resolved.destination)
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
