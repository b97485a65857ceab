import KubeReachCore

/// An admin rule that can never decide anything: for every subject pod and every peer it
/// matches, rules evaluated before it (earlier in its policy, or in ANPs of a lower
/// priority number) already decide every port it covers. Pods are checked one by one;
/// address peers (`networks`) count as decided only when an earlier rule's networks
/// contain them.
struct AdminRuleShadowed: LintRule {
    let id = "admin-rule-shadowed"
    let severity = Diagnostic.Severity.warning
    let summary = "An admin rule never applies: earlier rules decide everything it matches"
    let hint = "reorder the rules (the first match wins) or remove the dead one"

    var triggering: [String] {
        [
            Example.pod("web")
                + Example.admin(
                    "a",
                    Example.shopSubject
                        + "  ingress:\n  - {name: deny-all, action: Deny, from: [{namespaces: {}}]}\n  - {name: allow-web, action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}"
                ),
            // Two Baseline CNPs: the earlier one's Deny decides all the later one's Accept covers.
            Example.pod("web")
                + Example.cnp(
                    "base-a", tier: "Baseline", priority: 1,
                    Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}")
                + Example.cnp(
                    "base-b", tier: "Baseline", priority: 2,
                    Example.shopSubject
                        + "  ingress:\n  - {name: web, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}"
                ),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web")
                + Example.admin(
                    "a",
                    Example.shopSubject
                        + "  ingress:\n  - {name: allow-web, action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n  - {name: deny-all, action: Deny, from: [{namespaces: {}}]}"
                ),
            Example.pod("web")
                + Example.cnp(
                    "base-a", tier: "Baseline", priority: 1,
                    Example.shopSubject
                        + "  ingress:\n  - {name: web, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}"
                )
                + Example.cnp(
                    "base-b", tier: "Baseline", priority: 2,
                    Example.shopSubject + "  ingress:\n  - {action: Deny, from: [{namespaces: {}}]}"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let explainer = context.explainer
        let ordered = cluster.orderedAdminPolicies + cluster.orderedBaselinePolicies
        let subjectsOf = ordered.map { Set(context.subjects(of: $0)) }
        var out: [LintFinding] = []
        for (pi, policy) in ordered.enumerated() {
            let subjects = subjectsOf[pi]
            guard !subjects.isEmpty else { continue }
            for direction in PolicyDirection.allCases {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    let before = earlierRules(ordered, policyIndex: pi, ruleIndex: ri, direction: direction)
                    guard !before.isEmpty else { continue }
                    let peers = cluster.pods.indices.filter { explainer.ruleMatches(rule, .pod($0), api: policy.api) }
                    guard !peers.isEmpty || rule.peers.contains(where: Self.isAddress) else { continue }
                    let dead =
                        addressesCovered(rule, by: before.map(\.rule))
                        && subjects.allSatisfy { s in
                            let earlier = before.filter { subjectsOf[$0.policyIndex].contains(s) }
                            return peers.allSatisfy { q in
                                let ports = cluster.pods[direction == .ingress ? s : q].ports
                                let mine = rule.connections(destinationPorts: ports)
                                let decided = earlier.filter {
                                    explainer.ruleMatches($0.rule, .pod(q), api: ordered[$0.policyIndex].api)
                                }.reduce(ConnectionSet.none) {
                                    $0.union($1.rule.connections(destinationPorts: ports))
                                }
                                return mine.isSubset(of: decided)
                            }
                        }
                    if dead {
                        out.append(
                            finding(
                                "\(policy.displayName) rule '\(rule.name)' never decides anything: earlier rules match every peer and port it covers",
                                admin: policy, field: LintContext.rulePath(direction, ri), at: rule.location))
                    }
                }
            }
        }
        return out
    }

    /// Rules evaluated before rule `ruleIndex` of policy `policyIndex` in its tier (the
    /// Admin tier, or the Baseline tier: Baseline CNPs by priority, then the BANP).
    private func earlierRules(_ ordered: [AdminNetworkPolicy], policyIndex: Int, ruleIndex: Int, direction: PolicyDirection)
        -> [(policyIndex: Int, rule: AdminRule)]
    {
        var out: [(Int, AdminRule)] = []
        let tier = ordered[policyIndex].tier
        for (i, p) in ordered[..<policyIndex].enumerated() where p.tier == tier { out += p.rules(direction).map { (i, $0) } }
        out += ordered[policyIndex].rules(direction)[..<ruleIndex].map { (policyIndex, $0) }
        return out
    }

    private static func isAddress(_ p: AdminPeer) -> Bool {
        switch p {
        case .networks, .nodes: true
        case .pods, .domainNames, .unrecognized: false
        }
    }

    /// Every `networks` CIDR of the rule lies inside an earlier rule's networks with at least
    /// its ports (`nodes` peers are never counted as covered).
    private func addressesCovered(_ rule: AdminRule, by earlier: [AdminRule]) -> Bool {
        for peer in rule.peers {
            switch peer {
            case .pods: continue
            case .nodes, .domainNames, .unrecognized: return false
            case .networks(let cidrs):
                let mine = rule.connections(destinationPorts: nil)
                let covered = cidrs.allSatisfy { c in
                    earlier.contains { e in
                        e.peers.contains { if case .networks(let es) = $0 { es.contains { $0.range.contains(c.range) } } else { false } }
                            && mine.isSubset(of: e.connections(destinationPorts: nil))
                    }
                }
                if !covered { return false }
            }
        }
        return true
    }
}
