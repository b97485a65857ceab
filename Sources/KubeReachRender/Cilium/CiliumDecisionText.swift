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
