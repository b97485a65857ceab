extension Cluster {
    /// Whether Calico semantics apply: some Calico policy is evaluated under these options, or
    /// the input defines tiers (whose default actions then decide the Kubernetes policies too).
    public func isCalicoActive(staged: Bool) -> Bool { !calico.tiers.isEmpty || !calicoEvaluatedPolicies(staged: staged).isEmpty }

    /// Indices of the Calico policies evaluated: staged ones only when asked, never those
    /// for host endpoints only (`doNotTrack`, `preDNAT`, `applyOnForward`), never those
    /// naming a tier the input does not define (Calico refuses them).
    public func calicoEvaluatedPolicies(staged: Bool) -> [Int] {
        let tiers = Set(calicoTiers.map(\.tier.name))
        return calico.policies.indices.filter { i in
            let p = calico.policies[i]
            return (staged || !p.staged) && p.hostOnlyFields.isEmpty && tiers.contains(p.tier)
        }
    }

    /// Every tier in evaluation order: the input's, Calico's `default`, and — when admin
    /// policies are loaded — `kube-admin` (order 1,000) and `kube-baseline` (order
    /// 10,000,000), both with default action Pass, unless the input defines them.
    public var calicoTiers: [CalicoTierEntry] {
        var tiers = calico.orderedTiers.map { CalicoTierEntry(tier: $0, kind: .calico) }
        for (name, order, kind) in [
            (CalicoTier.kubeAdminName, 1000.0, CalicoTierEntry.Kind.kubeAdmin),
            (CalicoTier.kubeBaselineName, 10_000_000.0, .kubeBaseline),
        ] {
            if let i = tiers.firstIndex(where: { $0.tier.name == name }) {
                tiers[i].kind = kind
            } else if !adminPolicies.isEmpty {
                tiers.append(CalicoTierEntry(tier: CalicoTier(name: name, order: order, defaultAction: .pass), kind: kind))
            }
        }
        return tiers.sorted { CalicoTier.evaluationOrder($0.tier, $1.tier) }
    }

    /// The address ranges Calico rules and network sets name: they cut the address atoms.
    func calicoRanges(staged: Bool) -> [IPRange] {
        var out = calico.networkSets.flatMap { $0.nets.map(\.range) }
        for i in calicoEvaluatedPolicies(staged: staged) {
            for rule in calico.policies[i].ingress + calico.policies[i].egress {
                for side in [rule.source, rule.destination] { out += (side.nets + side.notNets).map(\.range) }
            }
        }
        return out
    }
}

extension CalicoTier {
    /// The tiers Calico creates for the Kubernetes admin policies.
    public static let kubeAdminName = "kube-admin"
    public static let kubeBaselineName = "kube-baseline"
}
