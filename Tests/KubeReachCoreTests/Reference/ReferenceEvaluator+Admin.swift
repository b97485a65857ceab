import KubeReachCore

/// Docs/semantics.md §8, one (source, destination, protocol, port) question at a time:
/// the ANPs whose subject holds the pod, by priority then name, first matching rule; Pass
/// leaves the ANP tier; then the NetworkPolicy tier when it isolates the pod, else the
/// BANP's first matching rule; else allowed.
extension ReferenceEvaluator {
    enum AdminVerdict {
        case allow, deny, pass, noMatch
    }

    /// The ANP tier's verdict for one side.
    func adminTier(
        _ direction: PolicyDirection, subject: Int, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> AdminVerdict {
        let anps = cluster.adminPolicies.filter { $0.tier == .admin }.sorted {
            ($0.priority ?? 0) != ($1.priority ?? 0) ? ($0.priority ?? 0) < ($1.priority ?? 0) : $0.name < $1.name
        }
        for anp in anps where selects(anp.subject, pod: subject) {
            for rule in anp.rules(direction) where ruleMatches(rule, peer: peer, destination: destination, proto, port) {
                switch rule.action {
                case .allow: return .allow
                case .deny: return .deny
                case .pass: return .pass
                }
            }
        }
        return .noMatch
    }

    /// The BANP's verdict for one side (nil: no rule matched, or no BANP holds the pod).
    func baselineTier(
        _ direction: PolicyDirection, subject: Int, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> Bool? {
        guard let banp = cluster.adminPolicies.first(where: { $0.tier == .baseline }), selects(banp.subject, pod: subject) else {
            return nil
        }
        for rule in banp.rules(direction) where ruleMatches(rule, peer: peer, destination: destination, proto, port) {
            return rule.action == .allow
        }
        return nil
    }

    private func selects(_ s: AdminSelection, pod index: Int) -> Bool {
        let pod = cluster.pods[index]
        let nsLabels = namespaceLabelsOf(pod.namespace)
        switch s {
        case .namespaces(let ns): return selectorMatches(ns, nsLabels)
        case .pods(let ns, let pods): return selectorMatches(ns, nsLabels) && selectorMatches(pods, pod.labels)
        }
    }

    private func ruleMatches(
        _ rule: AdminRule, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> Bool {
        let peerOK = rule.peers.contains { p in
            switch (p, peer) {
            case (.pods(let s), .pod(let q)): return selects(s, pod: q)
            case (.pods, .external): return false
            case (.networks(let cidrs), .external(let ip)): return cidrs.contains { within($0, ip) }
            case (.networks(let cidrs), .pod(let q)):
                let pod = cluster.pods[q]
                return (ipBlockMatchesPods || pod.hostNetwork) && pod.ips.contains { ip in cidrs.contains { within($0, ip) } }
            case (.nodes(let s), .external(let ip)): return nodeAddresses(s).contains(ip)
            case (.nodes(let s), .pod(let q)):
                let pod = cluster.pods[q]
                return (ipBlockMatchesPods || pod.hostNetwork) && pod.ips.contains { nodeAddresses(s).contains($0) }
            }
        }
        guard peerOK else { return false }
        if rule.ports.isEmpty { return true }
        return rule.ports.contains { p in
            switch p {
            case .number(let pr, let n): return pr == proto && n == port
            case .range(let pr, let a, let b): return pr == proto && a <= port && port <= b
            case .named(let name):
                guard case .pod(let d) = destination else { return false }
                return cluster.pods[d].ports.contains { $0.name == name && $0.proto == proto && $0.port == port }
            }
        }
    }

    private func nodeAddresses(_ s: LabelSelector) -> [IPAddress] {
        cluster.nodes.filter { selectorMatches(s, $0.labels) }.flatMap(\.addresses)
    }
}
