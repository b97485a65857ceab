import KubeReachCore

/// Calico's part of `eval` and `explain`: per direction, the tiers walked in order, each
/// rule that decided part of the traffic (with file:line), what each tier's default action
/// got, what the profile allowed, and the rules only the dataplane can decide.
public enum CalicoDecisionText {
    public static func text(_ decisions: [CalicoDecision]) -> String {
        decisions.map(lines).joined()
    }

    static func lines(_ d: CalicoDecision) -> String {
        let t = { (x: String) in TerminalText.escaped(x) }
        let head = "calico \(d.direction.rawValue.lowercased()) of \(t(d.subject)): "
        guard d.enforced else { return head + "not a workload endpoint (hostNetwork): no Calico policy applies\n" }
        if d.tiers.isEmpty { return head + "no policy applies: allowed by the profile\n" }
        var out = ""
        for walk in d.tiers {
            let tier = head + "tier \(t(walk.tier))" + (walk.order.map { " (order \(CalicoDecisionText.number($0)))" } ?? "")
            for m in walk.matches { out += tier + ": \(m.action.rawValue) by \(t(m.description)): \(m.connections)\n" }
            if !walk.reachedDefault.isEmpty {
                let what = walk.defaultAction == .pass ? "passed on" : "denied"
                out += tier + ": no rule decided \(walk.reachedDefault): \(what) by the tier's default action\n"
            }
        }
        if !d.profileAllowed.isEmpty { out += head + "allowed by the profile after the last tier: \(d.profileAllowed)\n" }
        out += head + "allows \(d.allowed)\n"
        for m in d.runtime {
            out += head + "decided at runtime: \(t(m.description)) uses \(m.runtime.joined(separator: ", "))\n"
        }
        return out
    }

    /// An order without a needless `.0`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The verdict word when a Calico rule the dataplane decides could change the answer.
    public static func verdict(allowed: Bool, _ decisions: [CalicoDecision]) -> String? {
        decisions.contains { !$0.runtime.isEmpty } ? (allowed ? "allowed" : "denied") + " (decided at runtime in part)" : nil
    }
}

/// The Calico decisions of `explain -o json` (`calico`), one per direction.
public struct CalicoDecisionDocument: Codable, Sendable {
    public struct Match: Codable, Sendable {
        public var policy: String
        public var rule: String
        public var action: String
        @Nullable public var location: String?
        public var decides: String
        public var runtime: [String]

        init(_ m: CalicoRuleMatch) {
            policy = m.policy
            rule = m.rule
            action = m.action.rawValue
            location = m.location?.description
            decides = m.connections.description
            runtime = m.runtime
        }
    }

    public struct Tier: Codable, Sendable {
        public var name: String
        @Nullable public var order: Double?
        public var defaultAction: String
        public var matches: [Match]
        public var reachedDefault: String
    }

    public var direction: String
    public var subject: String
    public var enforced: Bool
    public var tiers: [Tier]
    public var profileAllows: String
    public var allows: String
    public var runtimeRules: [Match]

    public init(_ d: CalicoDecision) {
        direction = d.direction.rawValue.lowercased()
        subject = d.subject
        enforced = d.enforced
        tiers = d.tiers.map {
            Tier(
                name: $0.tier, order: $0.order, defaultAction: $0.defaultAction.rawValue, matches: $0.matches.map(Match.init),
                reachedDefault: $0.reachedDefault.description)
        }
        profileAllows = d.profileAllowed.description
        allows = d.allowed.description
        runtimeRules = d.runtime.map(Match.init)
    }
}
