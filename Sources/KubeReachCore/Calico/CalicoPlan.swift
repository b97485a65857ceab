/// The steps deciding one row under Calico, in evaluation order: tiers by order, the
/// policies of a tier by order then name (Kubernetes NetworkPolicies as one Allow block at
/// order 1000 in the default tier, admin policies in `kube-admin`/`kube-baseline`), the
/// rules of a policy in order. Rules whose near side fails for the identity are left out.
struct CalicoPlan: Sendable {
    struct Step: Sendable {
        enum Kind: Sendable {
            /// A compiled Calico policy and the rule's index in its direction.
            case rule(policy: Int, index: Int)
            /// Every NetworkPolicy isolating the identity (their allows, unioned).
            case networkPolicies
            /// A compiled admin policy and the rule's index in its direction.
            case admin(policy: Int, index: Int)
        }

        /// Position in `tiers`.
        var tier: Int
        var action: CalicoAction
        var kind: Kind
    }

    /// Indices into the evaluation's tier list, of the tiers some policy applies in.
    var tiers: [Int] = []
    var steps: [Step] = []

    init(
        _ data: CalicoRowData, direction: PolicyDirection, key: CalicoRowKey, networkPolicies: Bool, admin: [CompiledAdminPolicy],
        adminPolicies: [Int]
    ) {
        enum Entry {
            case calico(Int)
            case networkPolicies
            case admin(Int)
        }
        var entries: [(CalicoSortKey, Entry)] = key.policies.map { (data.sortKeys[$0], .calico($0)) }
        if networkPolicies {
            entries.append((CalicoSortKey(tier: data.defaultTier, order: 1000, name: "knp.default.", namespace: ""), .networkPolicies))
        }
        entries += adminPolicies.map { (data.adminKeys[$0], .admin($0)) }
        entries.sort { $0.0 < $1.0 }
        let failing = Set(key.failingLocal)
        for (sortKey, entry) in entries {
            if tiers.last != sortKey.tier { tiers.append(sortKey.tier) }
            let t = tiers.count - 1
            switch entry {
            case .calico(let ci):
                for (ri, rule) in data.compiled[ci].rules(direction)!.enumerated() where !failing.contains(rule.id) {
                    steps.append(Step(tier: t, action: rule.action, kind: .rule(policy: ci, index: ri)))
                }
            case .networkPolicies:
                steps.append(Step(tier: t, action: .allow, kind: .networkPolicies))
            case .admin(let ai):
                for (ri, rule) in admin[ai].rules(direction).enumerated() {
                    steps.append(Step(tier: t, action: rule.action.calicoAction, kind: .admin(policy: ai, index: ri)))
                }
            }
        }
    }
}

extension AdminAction {
    /// The same decision as a Calico rule action.
    var calicoAction: CalicoAction {
        switch self {
        case .allow: return .allow
        case .deny: return .deny
        case .pass: return .pass
        }
    }
}
