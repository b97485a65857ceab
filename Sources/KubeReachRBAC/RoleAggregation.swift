import KubeReachCore

/// The rules each role grants once ClusterRole aggregation is applied, as the aggregation
/// controller does: an aggregated ClusterRole gets the rules of every ClusterRole (other
/// than itself) whose labels match one of its `clusterRoleSelectors`, including what those
/// got by aggregation themselves (the controller reaches this fixpoint by repeated syncs).
///
/// The rules written in an aggregated role are kept as well: a dump of a live cluster
/// holds the controller's result, which may come from ClusterRoles the input lacks, and
/// dropping them would answer "denied" wrongly.
enum RoleAggregation {
    /// Effective rules per index of `roles`, de-duplicated by content (first location kept).
    /// - Complexity: O(rounds × aggregated roles × roles × rules); rounds ≤ length of the
    ///   longest aggregation chain + 1.
    static func effectiveRules(_ roles: [RBACRole]) -> [[RBACRule]] {
        var rules = roles.map { deduplicated($0.rules) }
        var sources: [Int: [Int]] = [:]
        for (i, role) in roles.enumerated() {
            guard role.kind == .clusterRole, let selectors = role.aggregationSelectors else { continue }
            sources[i] = roles.indices.filter { j in
                j != i && roles[j].kind == .clusterRole && selectors.contains { $0.matches(roles[j].labels) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for (i, from) in sources.sorted(by: { $0.key < $1.key }) {
                var seen = Set(rules[i].map(\.grant))
                for j in from {
                    for r in rules[j] where seen.insert(r.grant).inserted {
                        rules[i].append(r)
                        changed = true
                    }
                }
            }
        }
        return rules
    }

    private static func deduplicated(_ rules: [RBACRule]) -> [RBACRule] {
        var seen: Set<RBACRule> = []
        return rules.filter { seen.insert($0.grant).inserted }
    }
}
