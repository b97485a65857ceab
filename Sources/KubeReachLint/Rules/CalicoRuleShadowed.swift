import KubeReachCore

/// A Calico rule that can never decide anything: a rule before it in the same tier (earlier
/// in its policy, or in an earlier policy of the tier that applies to at least the same
/// endpoints) matches everything it matches and decides it (Allow, Deny or Pass). Read from
/// the rules alone (`CalicoCover`), so it holds whatever pods come and go.
struct CalicoRuleShadowed: LintRule {
    let id = "calico-rule-shadowed"
    let severity = Diagnostic.Severity.warning
    let summary = "A Calico rule never applies: an earlier rule of its tier matches everything it matches"
    let hint = "reorder the rules or policies (the first match in a tier decides), or remove the dead rule"

    var triggering: [String] {
        [
            Example.pod("web")
                + CalicoLint.policy(
                    "p",
                    "  selector: app == 'web'\n  ingress:\n  - action: Deny\n    source: {selector: role == 'db'}\n  - action: Allow\n    protocol: TCP\n    source: {selector: role == 'db' && team == 'a'}\n    destination: {ports: [80]}"
                ),
            // An earlier GlobalNetworkPolicy of the same tier that applies to every endpoint.
            Example.pod("web")
                + CalicoLint.policy("first", ns: nil, "  order: 10\n  egress:\n  - action: Pass\n    protocol: TCP")
                + CalicoLint.policy(
                    "second",
                    "  order: 20\n  selector: app == 'web'\n  egress:\n  - action: Allow\n    protocol: TCP\n    destination: {ports: ['80:90']}"
                ),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + CalicoLint.policy(
                    "p",
                    "  selector: app == 'web'\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source: {selector: role == 'db' && team == 'a'}\n    destination: {ports: [80]}\n  - action: Deny\n    source: {selector: role == 'db'}"
                ),
            // The earlier rule only logs; the earlier policy is in another tier.
            Example.pod("web") + CalicoLint.tier("security", order: 100)
                + CalicoLint.policy("first", ns: nil, "  tier: security\n  egress:\n  - action: Pass\n    protocol: TCP")
                + CalicoLint.policy(
                    "second",
                    "  selector: app == 'web'\n  egress:\n  - action: Log\n  - action: Allow\n    protocol: TCP\n    destination: {ports: [80]}"
                ),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        let byTier = Dictionary(grouping: CalicoLint.evaluated(context.cluster), by: \.tier)
        for policies in byTier.values {
            let ordered = CalicoLint.ordered(policies)
            for (pi, policy) in ordered.enumerated() {
                let wider = ordered[..<pi].filter { CalicoCover.policy($0, covers: policy, namespaceLabels: context.namespaceLabels) }
                for direction in PolicyDirection.allCases where policy.types.contains(direction) {
                    for (ri, rule) in policy.rules(direction).enumerated() {
                        let earlier =
                            wider.filter { $0.types.contains(direction) }.flatMap { p in p.rules(direction).enumerated().map { (p, $0, $1) }
                            }
                            + policy.rules(direction)[..<ri].enumerated().map { (policy, $0, $1) }
                        guard
                            let (p, ei, e) = earlier.first(where: {
                                $0.2.action != .log && CalicoCover.rule($0.2, of: $0.0, covers: rule, of: policy)
                            })
                        else { continue }
                        let whose = p == policy ? "" : " of \(p.qualifiedName)"
                        out.append(
                            finding(
                                "\(policy.qualifiedName) rule \(LintContext.rulePath(direction, ri)) (\(rule.action.rawValue)) never applies: the earlier rule \(LintContext.rulePath(direction, ei))\(whose) (\(e.action.rawValue)) in tier \(policy.tier) matches everything it matches",
                                calico: policy, field: LintContext.rulePath(direction, ri), at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
