/// The Calico objects of a cluster, as loaded and validated.
public struct CalicoObjects: Hashable, Sendable {
    /// Enforced and staged policies, in input order.
    public var policies: [CalicoPolicy]
    public var tiers: [CalicoTier]
    public var networkSets: [CalicoNetworkSet]

    public init(policies: [CalicoPolicy] = [], tiers: [CalicoTier] = [], networkSets: [CalicoNetworkSet] = []) {
        self.policies = policies
        self.tiers = tiers
        self.networkSets = networkSets
    }

    public var isEmpty: Bool { policies.isEmpty && tiers.isEmpty && networkSets.isEmpty }

    /// Every tier in evaluation order, with Calico's own `default` tier added when the input
    /// does not define it.
    public var orderedTiers: [CalicoTier] {
        let all = tiers.contains { $0.name == "default" } ? tiers : tiers + [CalicoTier.builtInDefault]
        return all.sorted(by: CalicoTier.evaluationOrder)
    }
}
