import KubeReachCore

/// Calico (`projectcalico.org/v3`) policy manifests for `calicoctl`/`kubectl apply`, in the
/// house style of `PolicyYAML`: a stable key order, the reason as a comment, selectors in
/// single quotes. ICMP and HTTP conditions are kept in the model as field paths only, so a
/// rule holding one is written with a comment naming them rather than without them.
public enum CalicoPolicyYAML {
    /// One document (no `---`), newline-terminated.
    public static func document(_ p: CalicoPolicy, reason: String) -> String {
        var out = reason.split(separator: "\n").map { "# \($0)\n" }.joined()
        let kind = (p.staged ? "Staged" : "") + (p.namespace == nil ? "GlobalNetworkPolicy" : "NetworkPolicy")
        out += "apiVersion: projectcalico.org/v3\nkind: \(kind)\nmetadata:\n  name: \(PolicyYAML.scalar(p.name))\n"
        if let ns = p.namespace { out += "  namespace: \(PolicyYAML.scalar(ns))\n" }
        out += "spec:\n"
        if p.tier != "default" { out += "  tier: \(PolicyYAML.scalar(p.tier))\n" }
        if let order = p.order { out += "  order: \(number(order))\n" }
        out += "  selector: \(quoted(p.selector))\n"
        if let ns = p.namespaceSelector { out += "  namespaceSelector: \(quoted(ns))\n" }
        if let sa = p.serviceAccountSelector { out += "  serviceAccountSelector: \(quoted(sa))\n" }
        out += "  types:\n" + PolicyDirection.allCases.filter(p.types.contains).map { "  - \($0.rawValue)\n" }.joined()
        for d in PolicyDirection.allCases where !p.rules(d).isEmpty {
            out += "  \(d == .ingress ? "ingress" : "egress"):\n" + p.rules(d).map(rule).joined()
        }
        return out
    }

    static func rule(_ r: CalicoRule) -> String {
        var out = "  - action: \(r.action.rawValue)\n"
        let skipped = r.icmpConditions + r.layer7Fields
        if !skipped.isEmpty { out += "    # not written here (see the source manifest): \(skipped.joined(separator: ", "))\n" }
        if let v = r.ipVersion { out += "    ipVersion: \(v == .v4 ? 4 : 6)\n" }
        if let p = r.proto { out += "    protocol: \(p)\n" }
        if let p = r.notProto { out += "    notProtocol: \(p)\n" }
        for (key, side) in [("source", r.source), ("destination", r.destination)] where !side.isEmpty {
            out += "    \(key):\n" + entity(side)
        }
        return out
    }

    static func entity(_ e: CalicoEntityRule) -> String {
        var out = ""
        for (key, cidrs) in [("nets", e.nets), ("notNets", e.notNets)] where !cidrs.isEmpty {
            out += "      \(key):\n" + cidrs.map { "      - \(PolicyYAML.scalar($0.description))\n" }.joined()
        }
        for (key, s) in [("selector", e.selector), ("notSelector", e.notSelector), ("namespaceSelector", e.namespaceSelector)] {
            if let s { out += "      \(key): \(quoted(s))\n" }
        }
        if e.serviceAccountNames != nil || e.serviceAccountSelector != nil {
            out += "      serviceAccounts:\n"
            if let names = e.serviceAccountNames { out += "        names: [\(names.map(PolicyYAML.scalar).joined(separator: ", "))]\n" }
            if let s = e.serviceAccountSelector { out += "        selector: \(quoted(s))\n" }
        }
        if let s = e.service {
            out += "      services:\n        name: \(PolicyYAML.scalar(s.name))\n"
            if let ns = s.namespace { out += "        namespace: \(PolicyYAML.scalar(ns))\n" }
        }
        for (key, ports) in [("ports", e.ports), ("notPorts", e.notPorts)] where !ports.isEmpty {
            out += "      \(key):\n" + ports.map { "      - \(port($0))\n" }.joined()
        }
        return out
    }

    /// A number as a number, a range or a name as a string (`'8000:8080'`).
    static func port(_ p: CalicoPort) -> String {
        if case .range(let lo, let hi) = p, lo == hi { return String(lo) }
        return "'\(p.description)'"
    }

    /// The selector's canonical text in single quotes (a quote inside doubled, as YAML wants).
    static func quoted(_ s: CalicoSelector) -> String {
        "'" + s.description.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
