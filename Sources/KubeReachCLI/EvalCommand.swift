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
        // Variants split without notes: only those of the two endpoints matter, and the
        // `by variant` section names them.
        var reach = Reachability(cluster: resolved.cluster, options: resolved.options)
        _ = reach.splitWorkloadVariants()
        if let service = resolved.service { return evaluate(service, resolved, reach: reach) }
        let conns = reach.connections(from: resolved.source, to: resolved.destination)
        let allowed = resolved.question.isAllowed(conns)
        let variants = VariantAnswers(reach: reach, source: resolved.source, destination: resolved.destination, ports: resolved.question)
        let decisions = reach.ciliumDecisions(from: resolved.source, to: resolved.destination)
        let calico = reach.calicoDecisions(from: resolved.source, to: resolved.destination)
        let notes = output == .json ? "" : CiliumDecisionText.text(decisions) + CalicoDecisionText.text(calico)
        let verdict = CiliumDecisionText.verdict(allowed: allowed, decisions) ?? CalicoDecisionText.verdict(allowed: allowed, calico)
        let json = CiliumDocument(decisions, allowed: allowed, asked: resolved.question.connections)
        CommandIO.current.out(render(resolved, conns: conns, allowed: allowed, variants: variants, verdict: verdict, cilium: json) + notes)
        return allowed ? .success : .negative
    }

    private func render(
        _ resolved: ResolvedPair, conns: ConnectionSet, allowed: Bool, variants: VariantAnswers, verdict cilium: String? = nil,
        cilium document: CiliumDocument? = nil
    ) -> String {
        let verdict = cilium ?? (allowed ? "allowed" : "denied")
        if output == .json {
            var doc = EvalDocument(
                source: resolved.source.endpoint, destination: resolved.destination.endpoint, query: query(resolved.question),
                allowed: allowed,
                connections: conns)
            doc.variants = variants.documents
            doc.cilium = document
            return JSONOutput.encode(doc)
        }
        let t = { (x: String) in TerminalText.escaped(x) }
        return
            "\(verdict)\(resolved.question.askedText): \(t(resolved.sourceName)) => \(t(resolved.destinationName))\nallowed connections: \(conns.description)\n"
            + variants.text + clusterAddressLines(resolved)
    }
}

extension EvalCommand {
    /// The question asked, for JSON: nil when anything at all was asked about.
    func query(_ q: PortQuestion) -> EvalDocument.Query? {
        return q.port == nil && q.proto == nil ? nil : EvalDocument.Query(protocol: (q.proto ?? .tcp).rawValue, port: q.port)
    }

    /// For an address inside a pod or service CIDR that no loaded pod (or Service) holds: a
    /// line saying so, since it is a cluster address rather than the internet.
    func clusterAddressLines(_ resolved: ResolvedPair) -> String {
        let networks = resolved.options.clusterNetworks.adding(nodesOf: resolved.cluster)
        var out = ""
        for case .external(let ip) in [resolved.source, resolved.destination] {
            if let c = networks.podCIDRs.first(where: { $0.range.contains(ip) }) {
                out += "\(ip) is in pod CIDR \(c): a cluster address no loaded pod holds (answered as external)\n"
            } else if let c = networks.serviceCIDRs.first(where: { $0.range.contains(ip) }) {
                out += "\(ip) is in service CIDR \(c): a ClusterIP no loaded Service has (answered as external)\n"
            }
        }
        return out
    }
}
