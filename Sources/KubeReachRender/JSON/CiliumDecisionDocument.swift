import KubeReachCore

/// Cilium's part of `eval -o json` and `explain -o json` (the `cilium` field, absent when
/// Cilium semantics are off): the verdict word and, per direction, what decided it.
public struct CiliumDocument: Codable, Sendable, Equatable {
    /// `allowed`, `denied`, `unknown (FQDN)`, `decided at runtime` or
    /// `allowed at L3/L4, further filtered at L7`: as the text output's first word.
    public var verdict: String
    public var decisions: [CiliumDecisionDocument]

    /// Nil without Cilium decisions. `asked` is the question's connections (nil: anything).
    public init?(_ decisions: [CiliumDecision], allowed: Bool, asked: ConnectionSet?) {
        guard !decisions.isEmpty else { return nil }
        verdict = CiliumDecisionText.verdict(allowed: allowed, decisions) ?? (allowed ? "allowed" : "denied")
        self.decisions = decisions.map { CiliumDecisionDocument($0, asked: asked) }
    }
}

/// One direction of one pair under Cilium: the endpoint whose policies decide, how
/// (`kind`), the rule that did with its file:line, and what only the agent decides.
public struct CiliumDecisionDocument: Codable, Sendable, Equatable {
    /// `egress` (the source's policies) or `ingress` (the destination's).
    public var direction: String
    public var subject: String
    /// `not-enforced` (no Cilium endpoint, or `enable-policy: never`), `deny` (a deny rule
    /// matches), `allow` (an allow rule, or `allow-localhost`), `default-deny` (isolated and
    /// nothing allows), `network-policy` (isolated, no Cilium allow: the NetworkPolicies
    /// decide) or `open` (nothing isolates the endpoint).
    public var kind: String
    /// The first rule of that kind matching the question; null for the other kinds.
    @Nullable public var decidedBy: CiliumRuleDocument?
    /// Policies putting the subject in default deny (`CNP ns/name (file:line:col)`).
    public var defaultDenyBy: [String]
    /// NetworkPolicies selecting the subject in this direction (they isolate it too).
    public var networkPolicies: [String]
    public var denies: [CiliumRuleDocument]
    public var allows: [CiliumRuleDocument]
    /// Ingress from the subject's own node allowed by `allow-localhost`.
    public var fromOwnNode: Bool
    /// Allow rules with L7 parts: allowed at L3/L4, further filtered at L7.
    public var l7: [CiliumRuleDocument]
    /// Rules whose peers only the agent knows (`note`: `unknown (FQDN)` or `decided at runtime`).
    public var runtime: [CiliumRuleDocument]

    init(_ d: CiliumDecision, asked: ConnectionSet?) {
        direction = d.direction.rawValue.lowercased()
        subject = d.subject
        defaultDenyBy = d.defaultDenyBy
        networkPolicies = d.networkPolicies
        denies = d.denies.map(CiliumRuleDocument.init)
        allows = d.allows.map(CiliumRuleDocument.init)
        fromOwnNode = d.fromOwnNode
        l7 = d.l7.map(CiliumRuleDocument.init)
        runtime = d.runtime.map(CiliumRuleDocument.init)
        let hits = { (m: CiliumRuleMatch) in asked.map { !m.connections.intersection($0).isEmpty } ?? !m.connections.isEmpty }
        var decider: CiliumRuleMatch? = nil
        if !d.enforced {
            kind = "not-enforced"
        } else if let m = d.denies.first(where: hits) {
            (kind, decider) = ("deny", m)
        } else if !d.isolated {
            kind = "open"
        } else if let m = d.allows.first(where: hits) {
            (kind, decider) = ("allow", m)
        } else if d.fromOwnNode {
            kind = "allow"
        } else {
            kind = d.networkPolicies.isEmpty ? "default-deny" : "network-policy"
        }
        decidedBy = decider.map(CiliumRuleDocument.init)
    }
}

/// A Cilium rule as JSON: policy, section and index (`CNP default/rule1 ingress[0]`), where.
public struct CiliumRuleDocument: Codable, Sendable, Equatable {
    /// `CNP ns/name` or `CCNP name`.
    public var policy: String
    /// `ingress`, `ingressDeny`, `egress`, `egressDeny`, prefixed `specs[N].` with several rule sets.
    public var section: String
    public var index: Int
    /// `file:line:col`, when known.
    @Nullable public var location: String?
    /// What the rule covers towards this destination (`TCP 80`).
    public var connections: String
    /// L7 parts (`L7 http`, `serverNames`, ...).
    public var l7: [String]
    /// Peers only the agent knows (`toFQDNs`, `toServices`, ...).
    public var runtime: [String]
    /// `unknown (FQDN)`, `decided at runtime`, or null when the rule needs no runtime fact.
    @Nullable public var note: String?

    init(_ m: CiliumRuleMatch) {
        policy = m.policy
        section = m.section
        index = m.index
        location = m.location?.description
        connections = m.connections.description
        l7 = m.l7
        runtime = m.runtime
        note = m.runtime.isEmpty ? nil : m.runtime.contains("toFQDNs") ? "unknown (FQDN)" : "decided at runtime"
    }
}
