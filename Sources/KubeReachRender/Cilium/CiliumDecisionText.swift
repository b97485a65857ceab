import KubeReachCore

/// Cilium's part of `eval` and `explain`: per direction, the deny rule, allow rules or
/// default deny that decided (with file:line), and what the agent decides at runtime
/// ("allowed at L3/L4, further filtered at L7", "unknown (FQDN)").
public enum CiliumDecisionText {
    public static func text(_ decisions: [CiliumDecision]) -> String {
        decisions.map(lines).joined()
    }

    static func lines(_ d: CiliumDecision) -> String {
        let t = { (x: String) in TerminalText.escaped(x) }
        let head = "cilium \(d.direction.rawValue.lowercased()) of \(t(d.subject)): "
        guard d.enforced else { return head + "not enforced (not a Cilium endpoint, or enable-policy: never)\n" }
        var out = ""
        for m in d.denies { out += head + "denied by \(t(m.description)): \(m.connections)\n" }
        if d.isolated {
            let by = (d.defaultDenyBy + d.networkPolicies.map { "NetworkPolicy \($0)" }).map(t).joined(separator: ", ")
            out += head + "default deny (by \(by))\n"
            for m in d.allows { out += head + "allowed by \(t(m.description)): \(m.connections)\n" }
            if d.fromOwnNode { out += head + "allowed from its own node (allow-localhost)\n" }
            if d.allows.isEmpty && !d.fromOwnNode && d.networkPolicies.isEmpty {
                out += head + "no allow rule matches: denied by default\n"
            }
        } else if d.denies.isEmpty {
            out += head + "open (no policy puts it in default deny)\n"
        }
        for m in d.l7 {
            out += head + "allowed at L3/L4, further filtered at L7 (\(m.l7.joined(separator: ", ")) in \(t(m.description)))\n"
        }
        for m in d.runtime {
            let fqdn = m.runtime.contains("toFQDNs")
            out +=
                head + (fqdn ? "unknown (FQDN)" : "decided at runtime")
                + ": \(t(m.description)) uses \(m.runtime.joined(separator: ", "))\n"
        }
        return out
    }
}

extension CiliumDecisionText {
    /// The note `list` prints for a connection Cilium filters further at L7; nil when the
    /// L3/L4 answer is the whole answer.
    public static func listNote(_ edge: ConnectivityEdge, _ decisions: [CiliumDecision]) -> String? {
        var parts: [String] = []
        for d in decisions {
            for m in d.l7 where !m.connections.intersection(edge.connections).isEmpty {
                parts.append("allowed at L3/L4, further filtered at L7 by \(m.description)")
            }
        }
        guard !parts.isEmpty else { return nil }
        return TerminalText.escaped("\(edge.source) => \(edge.destination): " + Array(Set(parts)).sorted().joined(separator: "; "))
    }
}

extension CiliumDecisionText {
    /// One note per Cilium rule whose peers only the agent knows (`toFQDNs`, `toServices`,
    /// `toGroups`, unloaded entities, ...): what `list` cannot show, said once per rule.
    public static func runtimeRuleNotes(_ cluster: Cluster) -> [String] {
        var out: [String] = []
        for policy in cluster.ciliumPolicies {
            for (si, spec) in policy.specs.enumerated() {
                let prefix = policy.specs.count > 1 ? "specs[\(si)]." : ""
                let sections = [
                    ("ingress", spec.ingress), ("ingressDeny", spec.ingressDeny), ("egress", spec.egress), ("egressDeny", spec.egressDeny),
                ]
                for (name, rules) in sections {
                    for (i, rule) in rules.enumerated() where !rule.runtime.isEmpty {
                        let what = rule.runtime.contains("toFQDNs") ? "unknown (FQDN)" : "decided at runtime"
                        let at = rule.location.map { " (\($0))" } ?? ""
                        out.append(
                            TerminalText.escaped(
                                "\(policy.displayName) \(prefix)\(name)[\(i)]\(at): \(what): \(rule.runtime.joined(separator: ", ")) is not evaluated offline; the connections it stands for are not listed"
                            ))
                    }
                }
            }
        }
        return out
    }
}

extension CiliumDecisionText {
    /// The verdict word when Cilium's agent has the last say: a denied pair that a runtime
    /// peer (FQDN, service, ...) may allow is "unknown", an allowed one that an L7 rule
    /// filters is "allowed at L3/L4, further filtered at L7"; nil otherwise.
    public static func verdict(allowed: Bool, _ decisions: [CiliumDecision]) -> String? {
        if !allowed, let m = decisions.flatMap(\.runtime).first {
            return m.runtime.contains("toFQDNs") ? "unknown (FQDN)" : "decided at runtime"
        }
        if allowed && decisions.contains(where: { !$0.l7.isEmpty }) { return "allowed at L3/L4, further filtered at L7" }
        return nil
    }
}
