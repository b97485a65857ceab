import KubeReachCore
import KubeReachRender

/// `who-selects` and `show-policy` for Calico policies: `ns/name` for a Calico
/// NetworkPolicy (when no Kubernetes NetworkPolicy has that name), `name` for a
/// GlobalNetworkPolicy, or `Kind/…` to say which (`GlobalNetworkPolicy/name`,
/// `NetworkPolicy/ns/name`, `StagedGlobalNetworkPolicy/name`).
extension ShowPolicyCommand {
    static func calicoPolicy(_ reference: String, in cluster: Cluster) -> Int? {
        let all = cluster.calico.policies
        if let slash = reference.firstIndex(of: "/") {
            let kind = String(reference[..<slash]), rest = String(reference[reference.index(after: slash)...])
            if let i = all.indices.first(where: { all[$0].kind == kind && all[$0].qualifiedName == rest }) { return i }
        }
        return all.indices.first { all[$0].qualifiedName == reference }
    }

    static func showCalico(_ index: Int, _ cluster: Cluster, _ input: InputOptions) -> String {
        let p = cluster.calico.policies[index]
        var out = "\(p.kind) \(TerminalText.escaped(p.qualifiedName))  \(p.location)\n"
        let order = p.order.map { CalicoDecisionText.number($0) } ?? "unset (last)"
        out += "tier: \(TerminalText.escaped(p.tier)), order \(order)\n"
        let reach = Reachability(cluster: cluster, options: input.evaluationOptions)
        guard let summary = reach.calicoSummary(ofPolicy: index) else {
            return out + "not evaluated (staged without --staged, host endpoints only, or an undefined tier): see the load warnings\n"
        }
        out += "types: \(summary.directions.map(\.rawValue).joined(separator: ", "))\n"
        out += "selects \(summary.selected.count) workload(s) with selector \(TerminalText.escaped(p.selector.description)):\n"
        out += summary.selected.map { "  \(TerminalText.escaped($0))\n" }.joined()
        for rule in summary.rules {
            let key = rule.direction == .ingress ? "ingress" : "egress", side = rule.direction == .ingress ? "source" : "destination"
            out += "spec.\(key)[\(rule.index)] \(rule.action.rawValue)  \(rule.connections)  \(rule.location?.description ?? "")\n"
            if rule.nearSideLimited { out += "  (limited further by a condition on the selected endpoint or by the address family)\n" }
            if !rule.runtime.isEmpty { out += "  decided at runtime: \(rule.runtime.joined(separator: ", ")) (matches nothing here)\n" }
            out += "  \(side):\n"
            for w in rule.workloads { out += "    \(TerminalText.escaped(w))\n" }
            for a in rule.addresses { out += "    \(a)\n" }
            if rule.workloads.isEmpty && rule.addresses.isEmpty { out += "    (matches nothing)\n" }
        }
        return out
    }
}

extension WhoSelectsCommand {
    /// The Calico policies applying to the pod, in evaluation order (nothing without Calico).
    static func calicoTiers(pod: Int, _ cluster: Cluster, _ options: EvaluationOptions) -> String {
        guard cluster.isCalicoActive(staged: options.calicoStaged) else { return "" }
        let reach = Reachability(cluster: cluster, options: options)
        let applying = reach.calicoPoliciesSelecting(pod: pod)
        guard !applying.isEmpty else { return "calico: no Calico policy applies (the profile allows)\n" }
        var out = "calico tiers (evaluation order):\n"
        for a in applying {
            let p = cluster.calico.policies[a.policy]
            let dirs = [a.ingress ? "ingress" : nil, a.egress ? "egress" : nil].compactMap { $0 }.joined(separator: ", ")
            out +=
                "  [\(TerminalText.escaped(reach.calicoTier(ofPolicy: a.policy) ?? p.tier))] \(p.kind) \(TerminalText.escaped(p.qualifiedName))\(p.order.map { " order \(CalicoDecisionText.number($0))" } ?? "")  types: \(dirs)  \(p.location)\n"
        }
        return out
    }
}
