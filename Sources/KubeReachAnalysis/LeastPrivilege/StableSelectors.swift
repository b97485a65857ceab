import KubeReachCore

/// A pod selector per workload built from labels that survive a rollout, and what each
/// selector really selects.
///
/// Controllers stamp pods with labels that change on every rollout or differ per replica
/// (`pod-template-hash`, `controller-revision-hash`, ...); a policy selecting on them
/// would stop matching after the next deploy. Of the remaining labels that every pod of
/// the workload shares, a greedy pick (the label leaving out the most other pods of the
/// namespace first) keeps adding labels until only the workload's pods are left. When no
/// label set can tell two workloads apart, the selector selects both: a superset, listed.
public struct StableSelectors: Sendable {
    /// Labels set by controllers per revision or per replica: never selected on.
    public static let unstableKeys: Set<String> = [
        "pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name",
        "apps.kubernetes.io/pod-index", "batch.kubernetes.io/controller-uid", "controller-uid", "job-name",
        "batch.kubernetes.io/job-name",
    ]
    /// Tried first on ties, so selectors read as people write them.
    static let preferredKeys = [
        "app.kubernetes.io/name", "app", "k8s-app", "app.kubernetes.io/instance", "name", "app.kubernetes.io/component",
    ]

    /// Pod indices per workload.
    public let pods: [WorkloadRef: [Int]]
    public let selector: [WorkloadRef: LabelSelector]
    /// Pod indices each workload's selector matches in the workload's namespace.
    public let selected: [WorkloadRef: [Int]]
    /// Per pod: the workloads whose selector matches it (its own first).
    public let selectedBy: [[WorkloadRef]]

    public init(cluster: Cluster) {
        var pods: [WorkloadRef: [Int]] = [:]
        var podsOfNamespace: [String: [Int]] = [:]
        for (i, p) in cluster.pods.enumerated() {
            pods[p.workload, default: []].append(i)
            podsOfNamespace[p.namespace, default: []].append(i)
        }
        var selector: [WorkloadRef: LabelSelector] = [:], selected: [WorkloadRef: [Int]] = [:]
        var selectedBy = [[WorkloadRef]](repeating: [], count: cluster.pods.count)
        for (w, members) in pods.sorted(by: { $0.key < $1.key }) {
            let s = Self.pick(members: members, namespacePods: podsOfNamespace[w.namespace] ?? [], cluster: cluster)
            selector[w] = s
            let matched = (podsOfNamespace[w.namespace] ?? []).filter { s.matches(cluster.pods[$0].labels) }
            selected[w] = matched
            for i in matched { selectedBy[i].append(w) }
        }
        for i in selectedBy.indices {
            let own = cluster.pods[i].workload
            selectedBy[i] = selectedBy[i].filter { $0 == own } + selectedBy[i].filter { $0 != own }
        }
        self.pods = pods
        self.selector = selector
        self.selected = selected
        self.selectedBy = selectedBy
    }

    /// Workloads whose pods the selector of `w` also selects (empty: exact).
    public func alsoSelected(by w: WorkloadRef, in cluster: Cluster) -> [WorkloadRef] {
        Array(Set((selected[w] ?? []).map { cluster.pods[$0].workload }).subtracting([w])).sorted()
    }

    /// Greedy: the label that leaves out most of the other pods first; at least one label
    /// when there is one, so a workload alone in its namespace does not select the whole
    /// namespace (and every pod added to it later).
    static func pick(members: [Int], namespacePods: [Int], cluster: Cluster) -> LabelSelector {
        let own = Set(members)
        var candidates = commonStableLabels(members.map { cluster.pods[$0].labels })
        var others = namespacePods.filter { !own.contains($0) }
        var chosen: [String: String] = [:]
        while !candidates.isEmpty && (!others.isEmpty || chosen.isEmpty) {
            let scored = candidates.enumerated().map { (i, c) in
                (i, others.count { cluster.pods[$0].labels[c.key] != c.value })
            }
            let best = scored.max { a, b in a.1 != b.1 ? a.1 < b.1 : a.0 > b.0 }!
            if best.1 == 0 && !chosen.isEmpty { break }
            let c = candidates.remove(at: best.0)
            chosen[c.key] = c.value
            others.removeAll { cluster.pods[$0].labels[c.key] != c.value }
        }
        return LabelSelector(matchLabels: chosen)
    }

    /// The stable labels with one value across every pod, preferred keys first.
    static func commonStableLabels(_ labelSets: [[String: String]]) -> [LabelPair] {
        guard let first = labelSets.first else { return [] }
        let common = first.filter { kv in !unstableKeys.contains(kv.key) && labelSets.allSatisfy { $0[kv.key] == kv.value } }
        let rank = { (k: String) in preferredKeys.firstIndex(of: k) ?? preferredKeys.count }
        return common.map { LabelPair(key: $0.key, value: $0.value) }.sorted { (rank($0.key), $0.key) < (rank($1.key), $1.key) }
    }
}
