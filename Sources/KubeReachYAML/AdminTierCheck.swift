import KubeReachCore

/// Checks across the admin policies of one load: the BANP is a singleton; ANPs that share a
/// priority are ordered arbitrarily by the API (kubereach orders them by name, and says so);
/// a `nodes` peer without any Node object loaded matches nothing.
enum AdminTierCheck {
    static func errors(_ policies: [AdminNetworkPolicy]) -> [Diagnostic] {
        let baselines = policies.filter { $0.tier == .baseline }
        guard baselines.count > 1 else { return [] }
        return baselines.dropFirst().map {
            Diagnostic(.error, "only one BaselineAdminNetworkPolicy may exist (it is a singleton named 'default')", location: $0.location)
        }
    }

    static func warnings(_ policies: [AdminNetworkPolicy], nodes: [ClusterNode]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let byPriority = Dictionary(grouping: policies.filter { $0.tier == .admin }, by: { $0.priority ?? 0 })
        for (priority, group) in byPriority.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            let names = group.map(\.name).sorted()
            out.append(
                Diagnostic(
                    .warning,
                    "AdminNetworkPolicies \(names.joined(separator: ", ")) share priority \(priority): where their subjects overlap the API leaves the order undefined; kubereach evaluates them by name",
                    location: group.compactMap(\.location).min { ($0.file, $0.documentIndex) < ($1.file, $1.documentIndex) }))
        }
        if nodes.isEmpty {
            for p in policies {
                for rule in p.egress where rule.peers.contains(where: { if case .nodes = $0 { true } else { false } }) {
                    out.append(
                        Diagnostic(
                            .warning, "\(p.displayName) rule '\(rule.name)': a nodes peer matches nothing, as no Node object was loaded",
                            location: rule.location))
                }
            }
        }
        return out
    }
}
