import KubeReachCore

/// A rule or policy whose removal changes no connection is dead weight, often a sign that a
/// broader rule elsewhere already allows more than intended. Checked on the simulated
/// cluster by rebuilding only the rows of what the policy selects
/// (`Reachability.changes(without:)`), within a budget of such work.
struct RedundantPolicy: LintRule {
    let id = "redundant-rule-or-policy"
    let severity = Diagnostic.Severity.note
    let summary = "Removing this rule or policy changes no connection"
    let hint = "remove it, or check whether a broader rule elsewhere allows more than intended"
    /// Cells compared (selected identities × columns × variants); above it the rule reports
    /// that it skipped.
    static let budget = 400_000_000

    var triggering: [String] {
        [
            Example.pod("web") + Example.pod("api", labels: "{app: api}")
                + Example.policy("wide", "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]")
                + Example.policy(
                    "narrow",
                    "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]"
                )
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + Example.denyAll + Example.policy("all-in", "  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{}]"),
            Example.pod("web") + Example.pod("api", labels: "{app: api}")
                + Example.policy(
                    "narrow",
                    "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]"
                ),
            // Replication between the replicas of one workload: the only pairs the rule decides.
            Example.statefulSet("redis", replicas: 3, port: 6379)
                + Example.policy(
                    "redis-peers",
                    "  podSelector: {matchLabels: {app: redis}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: redis}}}]\n    ports: [{port: 6379}]"
                ),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let reach = context.reachability
        let cost = cluster.policies.indices.reduce(0) { $0 + reach.removalCost(ofPolicy: $1) }
        guard cost <= Self.budget else {
            return [
                LintFinding(
                    ruleID: id, severity: severity, message: "skipped: comparing \(cost) cells exceeds this check's budget",
                    hint: hint, location: nil, object: nil, fieldPath: nil)
            ]
        }
        var out: [LintFinding] = []
        let causes = RedundancyCause(context)
        for (pi, policy) in cluster.policies.enumerated() {
            // A default deny is a safety net for pods that do not exist yet: never "redundant".
            if policy.podSelector.isEmpty && policy.ingress.isEmpty && policy.egress.isEmpty { continue }
            if !reach.changes(without: .policy(pi)) {
                out.append(finding("removing the whole policy changes no connection\(because(policy: pi, causes))", policy: policy))
                continue
            }
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for ri in policy.rules(direction).indices where !reach.changes(without: .rule(policy: pi, direction: direction, index: ri))
                {
                    let cause = causes.covering(policy: pi, direction, ri, excluding: [])
                    out.append(
                        finding(
                            "removing this rule changes no connection\(Self.explain(cause, causes))", policy: policy,
                            field: LintContext.rulePath(direction, ri), at: policy.rules(direction)[ri].location))
                }
            }
        }
        return out
    }

    /// ": ns/p spec.ingress[0] already allows all of it", or nothing when no rule set covers it.
    static func explain(_ cause: [RedundancyCause.RuleRef]?, _ causes: RedundancyCause) -> String {
        guard let cause else { return "" }
        if cause.isEmpty { return ": it allows no connection between the loaded pods and addresses" }
        let names = cause.prefix(3).map(causes.name).joined(separator: ", ") + (cause.count > 3 ? " and \(cause.count - 3) more" : "")
        return ": \(names) already \(cause.count == 1 ? "allows" : "allow") all of it"
    }

    /// Why a whole policy is redundant: the policies whose rules cover each of its rules, or
    /// (a policy that only isolates) the other policies already isolating its pods.
    private func because(policy pi: Int, _ causes: RedundancyCause) -> String {
        let context = causes.context
        let policy = context.cluster.policies[pi]
        let pods = context.cluster.pods.filter(policy.selects)
        if context.options.hostNetwork == .bypass && !pods.isEmpty && pods.allSatisfy(\.hostNetwork) {
            return ": it selects only hostNetwork pods, which NetworkPolicies do not restrict"
        }
        let directions = PolicyDirection.allCases.filter(policy.affects)
        let opensAll = directions.allSatisfy { d in
            policy.rules(d).contains { $0.peers.isEmpty && $0.ports.isEmpty }
                && !context.cluster.policies.indices.contains {
                    $0 != pi && context.cluster.policies[$0].affects(d) && pods.contains(where: context.cluster.policies[$0].selects)
                }
        }
        if opensAll {
            return
                ": it allows all \(directions.map { $0.rawValue.lowercased() }.joined(separator: " and ")) traffic of pods that no other policy isolates, as no policy would"
        }
        var names = Set<String>()
        for direction in PolicyDirection.allCases where policy.affects(direction) {
            for ri in policy.rules(direction).indices {
                guard let cover = causes.covering(policy: pi, direction, ri, excluding: [pi]) else { return "" }
                names.formUnion(cover.map { context.cluster.policies[$0.policy].qualifiedName })
            }
            if policy.rules(direction).isEmpty {
                let isolating = context.cluster.policies.enumerated().filter { qi, q in
                    qi != pi && q.affects(direction) && pods.allSatisfy(q.selects)
                }
                if isolating.isEmpty { return "" }
                names.formUnion(isolating.map(\.element.qualifiedName))
            }
        }
        let sorted = names.sorted()
        if sorted.isEmpty { return "" }
        return
            ": \(sorted.prefix(3).joined(separator: ", "))\(sorted.count > 3 ? " and \(sorted.count - 3) more" : "") already \(sorted.count == 1 ? "covers" : "cover") it (the same pods isolated, the same connections allowed)"
    }
}
