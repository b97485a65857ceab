import KubeReachCore

/// A rule or policy whose removal changes no connection is dead weight, often a sign that a
/// broader rule elsewhere already allows more than intended. Checked by re-simulating the
/// cluster without it, so it is bounded to clusters of moderate size.
struct RedundantPolicy: LintRule {
    let id = "redundant-rule-or-policy"
    let severity = Diagnostic.Severity.note
    let summary = "Removing this rule or policy changes no connection"
    let hint = "remove it, or check whether a broader rule elsewhere allows more than intended"
    /// Re-simulations are pod-level; above this many rules × pods the rule reports that it skipped.
    static let budget = 2_000_000

    var triggering: [String] {
        [Example.pod("web") + Example.pod("api", labels: "{app: api}")
            + Example.policy("wide", "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]")
            + Example.policy("narrow", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]")]
    }
    var nonTriggering: [String] {
        [Example.pod("web") + Example.denyAll + Example.policy("all-in", "  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{}]"),
         Example.pod("web") + Example.pod("api", labels: "{app: api}")
            + Example.policy("narrow", "  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]"),
         // Replication between the replicas of one workload: the only pairs the rule decides.
         Example.statefulSet("redis", replicas: 3, port: 6379)
            + Example.policy("redis-peers", "  podSelector: {matchLabels: {app: redis}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: redis}}}]\n    ports: [{port: 6379}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let rules = cluster.policies.reduce(0) { $0 + $1.ingress.count + $1.egress.count }
        guard (rules + cluster.policies.count) * max(cluster.pods.count, 1) <= Self.budget else {
            return [LintFinding(ruleID: id, severity: severity, message: "skipped: \(rules) rules × \(cluster.pods.count) pods exceeds this check's budget",
                                hint: hint, location: nil, object: nil, fieldPath: nil)]
        }
        let baseline = Reachability(cluster: cluster, options: context.options).edges(level: .pod)
        func unchanged(_ variant: Cluster) -> Bool { Reachability(cluster: variant, options: context.options).edges(level: .pod) == baseline }
        var out: [LintFinding] = []
        for (pi, policy) in cluster.policies.enumerated() {
            // A default deny is a safety net for pods that do not exist yet: never "redundant".
            if policy.podSelector.isEmpty && policy.ingress.isEmpty && policy.egress.isEmpty { continue }
            var without = cluster
            without.policies.remove(at: pi)
            if unchanged(without) {
                out.append(finding("removing the whole policy changes no connection", policy: policy))
                continue
            }
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for ri in policy.rules(direction).indices {
                    var variant = cluster
                    if direction == .ingress { variant.policies[pi].ingress.remove(at: ri) } else { variant.policies[pi].egress.remove(at: ri) }
                    if unchanged(variant) {
                        out.append(finding("removing this rule changes no connection", policy: policy,
                                           field: "spec.\(direction == .ingress ? "ingress" : "egress")[\(ri)]", at: policy.rules(direction)[ri].location))
                    }
                }
            }
        }
        return out
    }
}
