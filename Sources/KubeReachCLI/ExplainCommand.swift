import ArgumentParser
import KubeReachCore
import KubeReachRender

/// `kubereach explain SRC DST`: the verdict with the policies and rules behind it.
struct ExplainCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why SRC can or cannot reach DST: isolating policies, matching rules, nearest misses. Exit 0 allowed, 1 denied.")

    @OptionGroup var pair: PairArguments

    @Option(name: .shortAndLong, help: "Output format: txt or json.")
    var output: PairFormat = .txt

    func evaluate() throws -> ExitStatus {
        let resolved = try pair.resolve()
        if let service = resolved.service {
            let backends = resolved.destination.podIndices.map { resolved.cluster.backendName(ofPod: $0) }
            throw CLIError.usage(
                "explain answers for one pod or workload: \(service.displayName) resolves to \(backends.isEmpty ? "no pod" : Set(backends).sorted().joined(separator: ", ")) (kubereach eval shows each backend's answer)"
            )
        }
        let explainer = Explainer(cluster: resolved.cluster, options: resolved.options)
        let (s, d, note) = try representatives(resolved)
        var e = explainer.explain(
            s, d, sourceName: resolved.sourceName, destinationName: resolved.destinationName, query: resolved.question.asked)
        e.note = note
        // Under Cilium the engine decides (NetworkPolicies joined with CNPs/CCNPs); the
        // Cilium lines say which rule did.
        var decisions: [CiliumDecision] = []
        // Under Calico the engine decides too (tiers, Calico and Kubernetes policies in one
        // order); the Calico lines walk the tiers.
        var calico: [CalicoDecision] = []
        if resolved.cluster.isCiliumActive || resolved.cluster.isCalicoActive(staged: resolved.options.calicoStaged) {
            let reach = Reachability(cluster: resolved.cluster, options: resolved.options)
            e.allowed = reach.connections(from: resolved.source, to: resolved.destination)
            decisions = reach.ciliumDecisions(from: resolved.source, to: resolved.destination)
            calico = reach.calicoDecisions(from: resolved.source, to: resolved.destination)
        }
        let allowed = resolved.question.isAllowed(e.allowed)
        let word =
            CiliumDecisionText.verdict(allowed: allowed, decisions) ?? CalicoDecisionText.verdict(allowed: allowed, calico)
            ?? (allowed ? "allowed" : "denied")
        let verdict = word + resolved.question.askedText
        let cilium = CiliumDecisionText.text(decisions) + CalicoDecisionText.text(calico)
        CommandIO.current.out(
            output == .json
                ? ExplanationFormatter.json(
                    e, allowed: allowed, cilium: CiliumDocument(decisions, allowed: allowed, asked: resolved.question.connections),
                    calico: calico)
                : ExplanationFormatter.text(e, verdict: verdict) + cilium)
        return allowed ? .success : .negative
    }

    /// One pod per side: workloads normally hold alike pods (list refuses them otherwise).
    private func representatives(_ pair: ResolvedPair) throws -> (Explainer.Endpoint, Explainer.Endpoint, String?) {
        func first(_ e: ResolvedEndpoint, avoiding: Int? = nil) -> (Explainer.Endpoint, Int)? {
            switch e {
            case .external(let ip): return (.external(ip), 1)
            case .pods(let list, _):
                let pick = list.first { $0 != avoiding } ?? list[0]
                return (.pod(pick), list.count)
            }
        }
        guard let (s, sc) = first(pair.source) else { throw CLIError.notFound("source") }
        var avoid: Int? = nil
        if case .pod(let i) = s { avoid = i }
        guard let (d, dc) = first(pair.destination, avoiding: avoid) else { throw CLIError.notFound("destination") }
        if case .pod(let i) = s, case .pod(let j) = d, sc + dc > 2 {
            return (s, d, "explained for pods \(pair.cluster.pods[i].qualifiedName) and \(pair.cluster.pods[j].qualifiedName)")
        }
        return (s, d, nil)
    }
}
