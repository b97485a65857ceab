import KubeReachCore

/// Checks across the admin policies of one load (both API versions): the BANP is a
/// singleton; policies of one tier that share a priority are ordered arbitrarily by the API
/// (kubereach orders v1alpha2 first, then by name, and says so — an ANP and a CNP at one
/// priority are a migration collision); a cluster holding both versions is told which tier
/// each landed in; a `nodes` peer without any Node object loaded matches nothing.
enum AdminTierCheck {
    static func errors(_ policies: [AdminNetworkPolicy]) -> [Diagnostic] {
        let baselines = policies.filter { $0.tier == .baseline && $0.api == .v1alpha1 }
        guard baselines.count > 1 else { return [] }
        return baselines.dropFirst().map {
            Diagnostic(.error, "only one BaselineAdminNetworkPolicy may exist (it is a singleton named 'default')", location: $0.location)
        }
    }

    static func warnings(_ policies: [AdminNetworkPolicy], nodes: [ClusterNode]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for tier in [AdminNetworkPolicy.Tier.admin, .baseline] {
            let byPriority = Dictionary(grouping: policies.filter { $0.tier == tier && $0.priority != nil }, by: { $0.priority ?? 0 })
            for (priority, group) in byPriority.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                out.append(samePriority(group.sorted(by: AdminNetworkPolicy.evaluationOrder), priority: priority, tier: tier))
            }
        }
        if Set(policies.map(\.api)).count > 1 { out.append(mixedVersions(policies)) }
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

    private static func samePriority(_ group: [AdminNetworkPolicy], priority: Int, tier: AdminNetworkPolicy.Tier) -> Diagnostic {
        let names = group.map(\.displayName).joined(separator: ", ")
        let collision = Set(group.map(\.api)).count > 1 ? " (an AdminNetworkPolicy and a ClusterNetworkPolicy collide)" : ""
        let what =
            group.allSatisfy { $0.api == .v1alpha1 } ? "AdminNetworkPolicies" : "\(tier == .admin ? "Admin" : "Baseline")-tier policies"
        return Diagnostic(
            .warning,
            "\(what) \(names) share priority \(priority)\(collision): where their subjects overlap the API leaves the order undefined; kubereach evaluates them in this order (v1alpha2 first, then by name)",
            location: group.compactMap(\.location).min { ($0.file, $0.documentIndex) < ($1.file, $1.documentIndex) })
    }

    private static func mixedVersions(_ policies: [AdminNetworkPolicy]) -> Diagnostic {
        let admin = policies.filter { $0.tier == .admin }.sorted(by: AdminNetworkPolicy.evaluationOrder).map(\.displayName)
        let baseline = policies.filter { $0.tier == .baseline }.sorted(by: AdminNetworkPolicy.evaluationOrder).map(\.displayName)
        return Diagnostic(
            .warning,
            "v1alpha1 and v1alpha2 admin policies are both present (a migration?): one tier engine evaluates them; Admin tier by priority: \(admin.isEmpty ? "none" : admin.joined(separator: ", ")); Baseline tier: \(baseline.isEmpty ? "none" : baseline.joined(separator: ", "))"
        )
    }
}
