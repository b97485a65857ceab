/// How Calico decided one direction of one pair for the endpoint whose policies apply
/// there (the source in egress, the destination in ingress): the tiers walked, in order,
/// with the rules that decided part of the traffic and what each tier's default action got.
public struct CalicoDecision: Hashable, Sendable {
    public var direction: PolicyDirection
    /// The pod whose policies decide.
    public var subject: String
    /// false for a hostNetwork pod: not a workload endpoint, so no Calico policy applies.
    public var enforced: Bool
    public var tiers: [CalicoTierWalk] = []
    /// What passed every tier (or met no tier at all): the profile allows it.
    public var profileAllowed: ConnectionSet = .none
    /// Everything this direction allows.
    public var allowed: ConnectionSet = .none
    /// Rules of the policies in play whose conditions only the dataplane can decide: the
    /// pair is decided at runtime for what they could match.
    public var runtime: [CalicoRuleMatch] = []
}

/// One tier as a pair walked it.
public struct CalicoTierWalk: Hashable, Sendable {
    public var tier: String
    public var order: Double?
    public var defaultAction: CalicoTier.DefaultAction
    /// The rules that matched, in order, each with what it decided (Log rules included).
    public var matches: [CalicoRuleMatch] = []
    /// What no rule of the tier decided: its default action applied to it.
    public var reachedDefault: ConnectionSet = .none
}

/// A rule that matched a pair: where it is, its action, and what it decided there.
public struct CalicoRuleMatch: Hashable, Sendable, CustomStringConvertible {
    /// `GlobalNetworkPolicy name`, `NetworkPolicy ns/name`, `AdminNetworkPolicy name`, or
    /// `NetworkPolicy (Kubernetes) ns/a, ns/b` for the Kubernetes block.
    public var policy: String
    /// `ingress[2]`, empty for the Kubernetes block.
    public var rule: String
    public var action: CalicoAction
    public var location: SourceLocation?
    public var connections: ConnectionSet
    public var runtime: [String] = []

    /// `GlobalNetworkPolicy deny-all egress[0] (gnp.yaml:12)`
    public var description: String {
        policy + (rule.isEmpty ? "" : " \(rule)") + (location.map { " (\($0))" } ?? "")
    }
}
