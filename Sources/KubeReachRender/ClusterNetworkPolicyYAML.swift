import KubeReachCore

/// ClusterNetworkPolicy (v1alpha2) manifests for `kubectl apply`, in the house style of
/// `PolicyYAML`: a stable key order, the reason as a comment, scalars quoted when YAML
/// would retype them.
public enum ClusterNetworkPolicyYAML {
    /// One document (no `---`), newline-terminated.
    public static func document(_ p: AdminNetworkPolicy, reason: String) -> String {
        var out = reason.split(separator: "\n").map { "# \($0)\n" }.joined()
        out += "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n"
        out += "  name: \(PolicyYAML.scalar(p.name))\nspec:\n"
        out += "  tier: \(p.tier == .admin ? "Admin" : "Baseline")\n  priority: \(p.priority ?? 1000)\n"
        out += "  subject:\n" + selection(p.subject, indent: 4)
        for d in PolicyDirection.allCases where !p.rules(d).isEmpty {
            out += "  \(d == .ingress ? "ingress" : "egress"):\n"
            for r in p.rules(d) { out += rule(r, peerKey: d == .ingress ? "from" : "to") }
        }
        return out
    }

    /// A multi-document stream.
    public static func stream(_ docs: [(AdminNetworkPolicy, String)]) -> String {
        docs.map { document($0.0, reason: $0.1) }.joined(separator: "---\n")
    }

    static func rule(_ r: AdminRule, peerKey: String) -> String {
        var out = "  - name: \(PolicyYAML.scalar(r.name))\n    action: \(r.action.word(.v1alpha2))\n    \(peerKey):\n"
        for peer in r.peers { out += "    - " + self.peer(peer).dropFirst(6) }
        if !r.ports.isEmpty {
            out += "    protocols:\n"
            for port in r.ports {
                switch port {
                case .number(let proto, let n): out += "    - \(key(proto)):\n        destinationPort:\n          number: \(n)\n"
                case .range(let proto, let a, let b):
                    out +=
                        "    - \(key(proto)):\n        destinationPort:\n          range:\n            start: \(a)\n            end: \(b)\n"
                case .named(let name): out += "    - destinationNamedPort: \(PolicyYAML.scalar(name))\n"
                }
            }
        }
        return out
    }

    /// One peer's keys at column 6 (the caller turns the first indent into `- `).
    static func peer(_ p: AdminPeer) -> String {
        switch p {
        case .pods(let s): return selection(s, indent: 6)
        case .networks(let cidrs): return "      networks:\n" + cidrs.map { "      - \(PolicyYAML.scalar($0.description))\n" }.joined()
        case .nodes(let s): return "      nodes:" + PolicyYAML.selector(s, indent: 8)
        case .domainNames(let names): return "      domainNames:\n" + names.map { "      - \(PolicyYAML.scalar($0))\n" }.joined()
        case .unrecognized(let keys): return "      # unrecognized peer fields: \(keys.joined(separator: ", "))\n      {}\n"
        }
    }

    static func selection(_ s: AdminSelection, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch s {
        case .namespaces(let ns): return "\(pad)namespaces:" + PolicyYAML.selector(ns, indent: indent + 2)
        case .pods(let ns, let pods):
            return "\(pad)pods:\n\(pad)  namespaceSelector:" + PolicyYAML.selector(ns, indent: indent + 4) + "\(pad)  podSelector:"
                + PolicyYAML.selector(pods, indent: indent + 4)
        }
    }

    static func key(_ p: NetworkProtocol) -> String { p.rawValue.lowercased() }
}
