import KubeReachCore

/// Docs/semantics.md §8 and §9, one (source, destination, protocol, port) question at a
/// time: the Admin tier (ANPs and Admin CNPs) whose subject holds the pod, by priority,
/// v1alpha2 before v1alpha1 on a tie, then name, first matching rule; Pass leaves the tier;
/// then the NetworkPolicy tier when it isolates the pod, else the Baseline tier (Baseline
/// CNPs by priority, then the BANP): its first matching rule (Accept or Pass: allowed);
/// else allowed. CNPs never hold or match hostNetwork pods through `pods`/`namespaces`;
/// `domainNames` match nothing; a peer that failed closed matches everything in a Deny rule.
extension ReferenceEvaluator {
    enum AdminVerdict {
        case allow, deny, pass, noMatch
    }

    /// The ANP tier's verdict for one side.
    func adminTier(
        _ direction: PolicyDirection, subject: Int, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> AdminVerdict {
        for (k, anp) in adminOrder.enumerated() where adminHolds[k][subject] {
            for rule in anp.rules(direction) where ruleMatches(rule, anp.api, peer: peer, destination: destination, proto, port) {
                switch rule.action {
                case .allow: return .allow
                case .deny: return .deny
                case .pass: return .pass
                }
            }
        }
        return .noMatch
    }

    /// The Baseline tier's verdict for one side (nil: no rule matched, or none holds the pod).
    func baselineTier(
        _ direction: PolicyDirection, subject: Int, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> Bool? {
        for (k, policy) in baselineOrder.enumerated() where baselineHolds[k][subject] {
            for rule in policy.rules(direction) where ruleMatches(rule, policy.api, peer: peer, destination: destination, proto, port) {
                return rule.action != .deny
            }
        }
        return nil
    }

    /// One tier's policies in order: priority (the BANP, without one, last), then the
    /// v1alpha2 object, then name.
    static func tier(_ t: AdminNetworkPolicy.Tier, of cluster: Cluster) -> [AdminNetworkPolicy] {
        cluster.adminPolicies.filter { $0.tier == t }.sorted { a, b in
            let pa = a.priority ?? 2000, pb = b.priority ?? 2000
            if pa != pb { return pa < pb }
            if a.api != b.api { return a.api == .v1alpha2 }
            return a.name < b.name
        }
    }

    func selects(_ s: AdminSelection, pod index: Int, _ api: AdminPolicyAPI) -> Bool {
        let pod = cluster.pods[index]
        if api == .v1alpha2 && pod.hostNetwork { return false }
        let nsLabels = namespaceLabelsOf(pod.namespace)
        switch s {
        case .namespaces(let ns): return selectorMatches(ns, nsLabels)
        case .pods(let ns, let pods): return selectorMatches(ns, nsLabels) && selectorMatches(pods, pod.labels)
        }
    }

    private func ruleMatches(
        _ rule: AdminRule, _ api: AdminPolicyAPI, peer: RefEndpoint, destination: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int
    ) -> Bool {
        let peerOK = rule.peers.contains { p in
            switch (p, peer) {
            case (.domainNames, _): return false
            case (.unrecognized, _): return rule.action == .deny
            case (.pods(let s), .pod(let q)): return selects(s, pod: q, api)
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
