import KubeReachCore

/// A `cilium.io/v2` CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy as YAML, for the
/// policies `generate --as cilium` writes: selectors, endpoint/entity/CIDR peers, `toPorts`
/// (a `rules.dns` part matching every name where the rule asks for the DNS proxy) and `icmps`.
public enum CiliumPolicyYAML {
    /// One document (no `---`), newline-terminated, the reason as comments above it.
    public static func document(_ p: CiliumPolicy, reason: String) -> String {
        var out = reason.split(separator: "\n").map { "# \($0)\n" }.joined()
        out += "apiVersion: cilium.io/v2\nkind: \(p.kind)\nmetadata:\n  name: \(PolicyYAML.scalar(p.name))\n"
        if let ns = p.namespace { out += "  namespace: \(PolicyYAML.scalar(ns))\n" }
        if p.specs.count == 1 { return out + "spec:\n" + spec(p.specs[0], indent: 2) }
        out += "specs:\n"
        for s in p.specs { out += "- " + spec(s, indent: 2).dropFirst(2) }
        return out
    }

    /// A multi-document stream.
    public static func stream(_ docs: [(CiliumPolicy, String)]) -> String {
        docs.map { document($0.0, reason: $0.1) }.joined(separator: "---\n")
    }

    static func spec(_ s: CiliumSpec, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = pad + "endpointSelector:" + PolicyYAML.selector(s.endpointSelector?.selector ?? .everything, indent: indent + 2)
        let sections = [
            ("ingress", s.ingress, "from"), ("ingressDeny", s.ingressDeny, "from"), ("egress", s.egress, "to"),
            ("egressDeny", s.egressDeny, "to"),
        ]
        for (key, rules, prefix) in sections where !rules.isEmpty {
            out += pad + key + ":\n" + rules.map { rule($0, prefix: prefix, indent: indent) }.joined()
        }
        let defaults = [("ingress", s.defaultDenyIngress), ("egress", s.defaultDenyEgress)].compactMap { k, v in v.map { "\(k): \($0)" } }
        if !defaults.isEmpty { out += pad + "enableDefaultDeny: {\(defaults.joined(separator: ", "))}\n" }
        return out
    }

    /// `- ...` at `indent`, with its fields two spaces further in.
    static func rule(_ r: CiliumRule, prefix: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        var body = ""
        if !r.endpoints.isEmpty {
            body += pad + prefix + "Endpoints:\n"
            for e in r.endpoints { body += item(PolicyYAML.selector(e.selector, indent: indent + 4), indent: indent + 2) }
        }
        if !r.entities.isEmpty { body += pad + prefix + "Entities: [" + r.entities.map(\.rawValue).joined(separator: ", ") + "]\n" }
        let blocks = r.cidrs.compactMap { if case .block(let b) = $0 { b } else { nil } }
        if !blocks.isEmpty {
            body += pad + prefix + "CIDRSet:\n"
            for b in blocks {
                body += pad + "- cidr: \(b.cidr)\n"
                if !b.except.isEmpty { body += pad + "  except: [" + b.except.map(\.description).joined(separator: ", ") + "]\n" }
            }
        }
        if let ports = r.ports {
            body += pad + "toPorts:\n" + pad + "- ports:\n"
            for p in ports {
                let port = p.name ?? String(p.number ?? 0)
                body += pad + "  - port: \(JSONText.quote(port))\n" + pad + "    protocol: \(p.proto.rawValue)\n"
                if let end = p.endPort, p.name == nil { body += pad + "    endPort: \(end)\n" }
            }
            if r.l7.contains(CiliumRule.dnsProxyKind) {
                body += pad + "  rules:\n" + pad + "    dns:\n" + pad + "    - matchPattern: \"*\"\n"
            }
        }
        if let icmps = r.icmps {
            body += pad + "icmps:\n" + pad + "- fields:\n"
            for f in icmps { body += pad + "  - type: \(f.type)\n" + pad + "    family: \(f.family == .v4 ? "IPv4" : "IPv6")\n" }
        }
        let dash = String(repeating: " ", count: indent) + "- "
        if body.isEmpty { return dash + "{}\n" }
        return dash + body.dropFirst(indent + 2)
    }
}

extension CiliumPolicyYAML {
    /// A selector block (` {}` or lines at `indent + 2`) as a list item whose dash is at `indent`.
    static func item(_ block: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        if block == " {}\n" { return pad + "- {}\n" }
        return pad + "- " + block.dropFirst(1 + indent + 2)
    }
}
