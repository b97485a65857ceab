import KubeReachCore

/// What the Cilium lint rules share: their examples' manifests, each rule of each rule set
/// with its field path, and findings located at a Cilium policy.
enum CiliumLint {
    /// A CNP (or, with `ns` nil, a CCNP) with the given spec lines.
    static func policy(_ name: String, ns: String? = "shop", _ spec: String) -> String {
        let kind = ns == nil ? "CiliumClusterwideNetworkPolicy" : "CiliumNetworkPolicy"
        let meta = ns.map { "{name: \(name), namespace: \($0)}" } ?? "{name: \(name)}"
        return "apiVersion: cilium.io/v2\nkind: \(kind)\nmetadata: \(meta)\nspec:\n\(spec)\n---\n"
    }

    /// One rule of a rule set with its path (`spec.ingress[0]`, `specs[1].egressDeny[2]`).
    struct Site {
        var policy: CiliumPolicy
        var spec: CiliumSpec
        var direction: PolicyDirection
        var deny: Bool
        var rule: CiliumRule
        var path: String
    }

    static func sites(_ cluster: Cluster) -> [Site] {
        var out: [Site] = []
        for policy in cluster.ciliumPolicies {
            for (si, spec) in policy.specs.enumerated() {
                let base = policy.specs.count > 1 || si > 0 ? "specs[\(si)]" : "spec"
                for d in PolicyDirection.allCases {
                    for (deny, rules) in [(false, spec.allows(d)), (true, spec.denies(d))] {
                        let key = (d == .ingress ? "ingress" : "egress") + (deny ? "Deny" : "")
                        for (i, rule) in rules.enumerated() {
                            out.append(Site(policy: policy, spec: spec, direction: d, deny: deny, rule: rule, path: "\(base).\(key)[\(i)]"))
                        }
                    }
                }
            }
        }
        return out
    }
}

extension LintRule {
    /// A finding of this rule at a Cilium policy.
    func finding(_ message: String, cilium policy: CiliumPolicy, field: String?, at location: SourceLocation?) -> LintFinding {
        LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: location ?? policy.location,
            object: "\(policy.kind) \(policy.qualifiedName)", fieldPath: field)
    }
}
