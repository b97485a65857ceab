import KubeReachCore
import KubeReachRender

/// `show-policy` for cluster-scoped admin policies: `name`, or `Kind/name` when an ANP and a
/// CNP share the name (`ClusterNetworkPolicy/x`, `AdminNetworkPolicy/x`, `BaselineAdminNetworkPolicy/default`).
extension ShowPolicyCommand {
    static func adminPolicy(_ reference: String, in cluster: Cluster) -> Int? {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let all = cluster.adminPolicies
        if parts.count == 2, let i = all.indices.first(where: { all[$0].kind == parts[0] && all[$0].name == parts[1] }) { return i }
        guard parts.count == 1 else { return nil }
        return all.indices.filter { all[$0].name == reference }.sorted { AdminNetworkPolicy.evaluationOrder(all[$0], all[$1]) }.first
    }

    static func showAdmin(_ index: Int, _ cluster: Cluster, _ input: InputOptions) -> String {
        let p = cluster.adminPolicies[index]
        let (selected, rules) = PolicyInspector(cluster: cluster, options: input.evaluationOptions).inspect(adminPolicy: index)
        var out = "\(p.kind) \(TerminalText.escaped(p.name))  \(p.location?.description ?? "")\n"
        out += "tier: \(p.tier == .admin ? "Admin" : "Baseline") (\(p.tierLabel))\(p.priority.map { ", priority \($0)" } ?? "")\n"
        out += "subject holds \(selected.count) workload(s):\n" + selected.map { "  \(TerminalText.escaped($0))\n" }.joined()
        for rule in rules {
            let key = rule.direction == .ingress ? "ingress" : "egress", peerKey = rule.direction == .ingress ? "from" : "to"
            out +=
                "spec.\(key)[\(rule.index)] '\(TerminalText.escaped(rule.name))' \(rule.action)  ports: \(rule.ports)  \(rule.location?.description ?? "")\n"
            for peer in rule.peers {
                out += "  \(peerKey)[\(peer.peerIndex ?? 0)]: \(TerminalText.escaped(peer.description))\n"
                for w in peer.workloads { out += "    \(TerminalText.escaped(w))\n" }
                for a in peer.addresses { out += "    \(TerminalText.escaped(a))\n" }
                if peer.workloads.isEmpty && peer.addresses.isEmpty { out += "    (matches nothing)\n" }
            }
        }
        if rules.isEmpty { out += "no rules: it decides nothing (admin policies never isolate)\n" }
        return out
    }
}
