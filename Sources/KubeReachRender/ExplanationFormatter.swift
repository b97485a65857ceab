import KubeReachCore

/// `kubereach explain` output: plain sentences first, then a table of the rules that
/// matched, addressed by field path and file:line; or the same facts as JSON.
public enum ExplanationFormatter {
    /// Every name, rule name, message and location from the input goes through
    /// `TerminalText.escaped`: none can end a line or hide the verdict.
    public static func text(_ e: Explanation, verdict: String) -> String {
        let t = { (x: String) in TerminalText.escaped(x) }
        var out = "\(verdict): \(t(e.source)) => \(t(e.destination))\n"
        if let note = e.note { out += "(\(t(note)))\n" }
        out += "\n"
        for side in [e.egress, e.ingress] {
            let who = side.direction == .egress ? "Egress of \(t(e.source))" : "Ingress of \(t(e.destination))"
            out += "\(who): \(t(sentence(side)))\n"
            if !side.misses.isEmpty {
                out += "  Nearest misses:\n"
                for m in side.misses {
                    out += "  - \(t(m.policy.name)) \(path(side.direction, m.ruleIndex, m.peerIndex)): \(t(m.message))\n"
                }
            }
        }
        out += "Allowed in total: \(e.allowed.description)\n"
        let rows = [e.egress, e.ingress].flatMap { side in side.matches.map { (side.direction, $0) } }
        let adminRows = [e.egress, e.ingress].flatMap { side in side.adminDecisions.map { (side.direction, $0) } }
        if !rows.isEmpty || !adminRows.isEmpty {
            out += "\n| direction | policy | rule | ports | allows | defined at |\n|---|---|---|---|---|---|\n"
            for (direction, d) in adminRows {
                let at = d.ruleLocation?.description ?? d.policy.location?.description ?? "-"
                out +=
                    "| \(direction.rawValue.lowercased()) | [\(d.tierLabel)] \(t(d.policy.name)) | \(t(adminPath(direction, d))) | - | \(verb(d)) \(d.connections.description) | \(at) |\n"
            }
            for (direction, m) in rows {
                let ports = m.portIndices.map { $0.isEmpty ? "none resolve" : $0.map { "ports[\($0)]" }.joined(separator: ",") } ?? "all"
                let at = m.ruleLocation?.description ?? m.policy.location?.description ?? "-"
                out +=
                    "| \(direction.rawValue.lowercased()) | \(t(m.policy.name)) | \(path(direction, m.ruleIndex, m.peerIndex)) | \(ports) | \(m.connections.description) | \(at) |\n"
            }
        }
        return out
    }

    static func path(_ direction: PolicyDirection, _ rule: Int, _ peer: Int?) -> String {
        let key = direction == .ingress ? "ingress" : "egress", peers = direction == .ingress ? "from" : "to"
        return "spec.\(key)[\(rule)]" + (peer.map { ".\(peers)[\($0)]" } ?? "")
    }

    static func adminPath(_ direction: PolicyDirection, _ d: AdminDecision) -> String {
        "spec.\(direction == .ingress ? "ingress" : "egress")[\(d.ruleIndex)] '\(d.ruleName)'"
    }

    static func verb(_ a: AdminAction) -> String {
        switch a {
        case .allow: "allows"
        case .deny: "denies"
        case .pass: "passes"
        }
    }

    /// The decision's verb in its API version's words (`accepts` for a v1alpha2 Accept).
    static func verb(_ d: AdminDecision) -> String { d.action == .allow && d.api == .v1alpha2 ? "accepts" : verb(d.action) }

    /// `[ANP] name spec.egress[0] 'rule' passes TCP 80` for each decision of a tier.
    static func decisions(_ side: DirectionExplanation, _ tier: AdminNetworkPolicy.Tier) -> String? {
        let parts = side.adminDecisions.filter { $0.tier == tier }.map {
            "[\($0.tierLabel)] \($0.policy.name) \(adminPath(side.direction, $0)) \(verb($0)) \($0.connections.description)"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `domainNames` rules met on the way: their part is decided at runtime.
    static func runtimeNote(_ side: DirectionExplanation) -> String? {
        let parts = side.runtimeDecisions.map {
            "[\($0.tierLabel)] \($0.policy.name) \(adminPath(side.direction, $0)) names domains (\($0.actionWord) \($0.connections.description) decided at runtime, counted as not matching)"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func sentence(_ side: DirectionExplanation) -> String {
        let base = networkPolicySentence(side)
        guard side.status != .decidedByAdmin else { return (decisions(side, .admin) ?? "") + "; nothing is left to NetworkPolicies." }
        var chain = decisions(side, .admin).map { [$0 + "; what is passed or undecided goes to NetworkPolicies"] } ?? []
        chain.append(base)
        if let runtime = runtimeNote(side) { chain.append(runtime) }
        if let banp = decisions(side, .baseline) {
            chain.append(banp + "; what no rule decided is allowed, so this side allows \(side.allowed.description).")
        }
        return chain.joined(separator: " → ")
    }

    private static func networkPolicySentence(_ side: DirectionExplanation) -> String {
        let dir = side.direction.rawValue.lowercased()
        let baseline = side.adminDecisions.filter { $0.tier == .baseline }
        switch side.status {
        case .decidedByAdmin: return ""
        case .notIsolated where !baseline.isEmpty:
            let who = baseline.allSatisfy { $0.api == .v1alpha1 } ? "the BaselineAdminNetworkPolicy" : "the Baseline tier"
            return "not isolated: no NetworkPolicy selects it for \(dir), so \(who) decides"
        case .external: return "an external address; no policy applies on this side."
        case .hostNetwork: return "a hostNetwork pod; NetworkPolicies do not apply to it (see --host-network-policy)."
        case .notIsolated: return "not isolated: no NetworkPolicy selects it for \(dir), so everything is allowed."
        case .selfTraffic: return "a pod to itself; always allowed."
        case .isolated:
            let by = "isolated by " + side.isolatingPolicies.map(\.name).joined(separator: ", ")
            if side.matches.isEmpty { return "\(by); no rule matches the other end, so nothing is allowed." }
            if side.allowed.isEmpty { return "\(by); rules match the other end but allow none of its ports." }
            return "\(by); matching rules allow \(side.allowed.description)."
        }
    }

    public static func json(_ e: Explanation, allowed: Bool, cilium: CiliumDocument? = nil, calico: [CalicoDecision] = []) -> String {
        var doc = ExplanationDocument(e, allowed: allowed)
        doc.cilium = cilium
        doc.calico = calico.isEmpty ? nil : calico.map(CalicoDecisionDocument.init)
        return JSONOutput.encode(doc)
    }
}
