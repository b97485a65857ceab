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
        let reach = Reachability(cluster: cluster, options: context.options)
        let cost = cluster.policies.indices.reduce(0) { $0 + reach.removalCost(ofPolicy: $1) }
        guard cost <= Self.budget else {
            return [
                LintFinding(
                    ruleID: id, severity: severity, message: "skipped: comparing \(cost) cells exceeds this check's budget",
                    hint: hint, location: nil, object: nil, fieldPath: nil)
            ]
        }
        var out: [LintFinding] = []
        for (pi, policy) in cluster.policies.enumerated() {
            // A default deny is a safety net for pods that do not exist yet: never "redundant".
            if policy.podSelector.isEmpty && policy.ingress.isEmpty && policy.egress.isEmpty { continue }
            if !reach.changes(without: .policy(pi)) {
                out.append(finding("removing the whole policy changes no connection", policy: policy))
                continue
            }
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for ri in policy.rules(direction).indices where !reach.changes(without: .rule(policy: pi, direction: direction, index: ri))
                {
                    out.append(
                        finding(
                            "removing this rule changes no connection", policy: policy,
                            field: "spec.\(direction == .ingress ? "ingress" : "egress")[\(ri)]", at: policy.rules(direction)[ri].location))
                }
            }
        }
        return out
    }
}
