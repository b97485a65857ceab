import KubeReachCore

/// NetworkPolicy manifests for `kubectl apply`, written by hand: a stable key order, a
/// comment with the reason above each object, and every string that YAML could read as
/// something else (a number, a boolean, null, a flow or comment character) double-quoted.
public enum PolicyYAML {
    /// One document (no `---`), newline-terminated.
    public static func document(_ p: NetworkPolicy, reason: String) -> String {
        var out = reason.split(separator: "\n").map { "# \($0)\n" }.joined()
        out += "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
        out += "  name: \(scalar(p.name))\n  namespace: \(scalar(p.namespace))\n"
        return out + spec(p)
    }

    /// `spec:` and its body at column 0 (embedded by other writers at their indentation).
    static func spec(_ p: NetworkPolicy) -> String {
        var out = "spec:\n"
        out += "  podSelector:" + selector(p.podSelector, indent: 4)
        let types = PolicyDirection.allCases.filter { p.affects($0) }
        // Never empty (the model defaults `[]`), and `policyTypes: []` would read back defaulted.
        out += "  policyTypes:\n" + types.map { "  - \($0.rawValue)\n" }.joined()
        for d in types where !p.rules(d).isEmpty {
            out += "  \(d == .ingress ? "ingress" : "egress"):\n"
            for r in p.rules(d) { out += rule(r, peerKey: d == .ingress ? "from" : "to") }
        }
        return out
    }

    /// A multi-document stream.
    public static func stream(_ docs: [(NetworkPolicy, String)]) -> String {
        docs.map { document($0.0, reason: $0.1) }.joined(separator: "---\n")
    }

    /// One rule as a list item under `ingress:`/`egress:`, keys at column 4.
    static func rule(_ r: PolicyRule, peerKey: String) -> String {
        var body = ""
        if !r.peers.isEmpty {
            body += "    \(peerKey):\n"
            for peer in r.peers {
                switch peer {
                case .ipBlock(let b):
                    body += "    - ipBlock:\n        cidr: \(scalar(b.cidr.description))\n"
                    if !b.except.isEmpty { body += "        except:\n" + b.except.map { "        - \(scalar($0.description))\n" }.joined() }
                case .selector(let pods, let namespaces):
                    var lead = "    - "
                    for (key, sel) in [("namespaceSelector", namespaces), ("podSelector", pods)] {
                        guard let sel else { continue }
                        body += lead + key + ":" + selector(sel, indent: 8)
                        lead = "      "
                    }
                }
            }
        }
        if !r.ports.isEmpty {
            body += "    ports:\n"
            for p in r.ports {
                body += "    - protocol: \(p.proto.rawValue)\n"
                switch p.port {
                case .number(let n): body += "      port: \(n)\n"
                case .name(let n): body += "      port: \(scalar(n))\n"
                case nil: break
                }
                if let end = p.endPort { body += "      endPort: \(end)\n" }
            }
        }
        if body.isEmpty { return "  - {}\n" }
        return "  - " + body.dropFirst(4)
    }

    /// ` {}` or the selector's block at `indent` spaces; starts after the key's colon.
    static func selector(_ s: LabelSelector, indent: Int) -> String {
        if s.isEmpty { return " {}\n" }
        let pad = String(repeating: " ", count: indent)
        var out = "\n"
        if !s.matchLabels.isEmpty {
            out += pad + "matchLabels:\n" + s.matchLabels.map { "\(pad)  \(scalar($0.key)): \(scalar($0.value))\n" }.joined()
        }
        if !s.matchExpressions.isEmpty {
            out += pad + "matchExpressions:\n"
            for e in s.matchExpressions {
                out += "\(pad)- key: \(scalar(e.key))\n\(pad)  operator: \(e.op.rawValue)\n"
                if !e.values.isEmpty { out += "\(pad)  values:\n" + e.values.map { "\(pad)  - \(scalar($0))\n" }.joined() }
            }
        }
        return out
    }

    /// A plain scalar when it can only be read back as this same string; otherwise a
    /// double-quoted one (JSON escapes are valid YAML escapes).
    public static func scalar(_ s: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let plainSafe = s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "." || c == "_" || c == "/"
        }
        let first = s.unicodeScalars.first
        let startsWithLetter = first.map { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") } ?? false
        if plainSafe && startsWithLetter && !reserved.contains(s.lowercased()) { return s }
        return JSONText.quote(s)
    }
}
