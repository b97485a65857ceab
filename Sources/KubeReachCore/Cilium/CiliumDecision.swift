/// How Cilium decides one direction of one pair for the endpoint whose policy applies
/// there (the source in egress, the destination in ingress): the deny and allow rules that
/// match, the policies that put it in default deny, and what only the agent can decide.
public struct CiliumDecision: Hashable, Sendable {
    public var direction: PolicyDirection
    /// The pod whose policies decide.
    public var subject: String
    /// Whether Cilium enforces anything on it (an endpoint, enforcement not `never`).
    public var enforced: Bool
    public var denies: [CiliumRuleMatch] = []
    public var allows: [CiliumRuleMatch] = []
    /// Policies putting the subject in default deny in the direction (`Kind ns/name`).
    public var defaultDenyBy: [String] = []
    /// NetworkPolicies selecting the subject in the direction (they isolate it too).
    public var networkPolicies: [String] = []
    /// Whether ingress from the subject's own node is allowed by `allow-localhost`.
    public var fromOwnNode = false
    /// Rules of the subject in this direction whose peers only the agent knows (FQDNs,
    /// services, groups, ...): the answer is unknown for the peers they stand for.
    public var runtime: [CiliumRuleMatch] = []

    public var isolated: Bool { !defaultDenyBy.isEmpty || !networkPolicies.isEmpty }

    /// The L7 parts of the matching allow rules: allowed at L3/L4, filtered further at L7.
    public var l7: [CiliumRuleMatch] { allows.filter { !$0.l7.isEmpty } }
}

/// A Cilium rule that matched a pair: where it is, and what it covers there.
public struct CiliumRuleMatch: Hashable, Sendable, CustomStringConvertible {
    /// `CNP ns/name` or `CCNP name`.
    public var policy: String
    /// `ingress`, `ingressDeny`, `egress` or `egressDeny`, with the rule set index when the
    /// policy has several (`specs[1].ingress`).
    public var section: String
    public var index: Int
    public var location: SourceLocation?
    public var connections: ConnectionSet
    public var l7: [String]
    public var runtime: [String]

    /// `CNP default/rule1 ingress[0] (policy.yaml:11)`
    public var description: String {
        "\(policy) \(section)[\(index)]" + (location.map { " (\($0))" } ?? "")
    }
}
