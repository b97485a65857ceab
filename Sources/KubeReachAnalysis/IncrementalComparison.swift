import KubeReachCore

/// `ConnectivityComparison`'s diff when the two sides differ only in a few NetworkPolicies:
/// the old side is evaluated in full, the new one from it (`PolicyEditEvaluation`), and only
/// the pairs of the nodes the changed policies select are listed on each side. The diff and
/// the variant notes are the ones the full comparison gives, byte for byte once rendered
/// (the differential test compares them on random clusters and edits).
public struct IncrementalComparison: Sendable {
    public let diff: ConnectivityDiff
    /// The variant notes of each side.
    public let notes: (old: [Diagnostic], new: [Diagnostic])
    /// Policies added, removed or modified; identities they select; identities in all.
    public let changedPolicies: Int
    public let touchedIdentities: Int
    public let identities: Int

    /// nil when the incremental path does not apply — something besides NetworkPolicies
    /// differs (pods, namespaces, nodes, admin policies; services and RBAC objects are not
    /// read), Cilium or Calico policies are in play, a policy name is repeated on one side,
    /// or a changed policy is in a namespace the old side does not have — and the full
    /// comparison is the answer.
    ///
    /// `reuse` keeps OLD's evaluation between calls (`diff --watch`): a call with the same OLD
    /// and the same cuts takes it instead of evaluating OLD again.
    public init?(
        old before: Cluster, new after: Cluster, options: EvaluationOptions, level: AggregationLevel, reuse: EvaluationReuse? = nil
    ) {
        guard let changed = Self.changedPolicies(before, after) else { return nil }
        guard var sides = PolicyEditEvaluation(old: before, new: after, changed: changed, options: options, reuse: reuse) else {
            return nil
        }
        notes = level == .workload ? sides.splitWorkloadVariants() : ([], [])
        let nodes = sides.touchedNodes(level: level)
        func snapshot(_ r: Reachability) -> ConnectivitySnapshot {
            ConnectivitySnapshot(
                nodes: r.groupEndpoints(level: level), edges: r.edges(level: level, touching: nodes),
                externalRanges: Set(r.externalSources + r.externalDestinations))
        }
        diff = ConnectivityDiff(old: snapshot(sides.old), new: snapshot(sides.new))
        changedPolicies = changed.count
        touchedIdentities = sides.touchedIdentityCount
        identities = sides.identityCount
    }

    /// The qualified names of the NetworkPolicies that differ (where they are written is no
    /// difference), or nil when anything else the evaluation reads differs.
    static func changedPolicies(_ a: Cluster, _ b: Cluster) -> Set<String>? {
        guard a.nodes == b.nodes, a.namespaces.map(unlocated) == b.namespaces.map(unlocated),
            a.adminPolicies.map(PolicyChanges.unlocated) == b.adminPolicies.map(PolicyChanges.unlocated),
            a.pods.count == b.pods.count, zip(a.pods, b.pods).allSatisfy({ unlocated($0) == unlocated($1) })
        else { return nil }
        func byName(_ c: Cluster) -> [String: NetworkPolicy]? {
            var out: [String: NetworkPolicy] = [:]
            for p in c.policies where out.updateValue(PolicyChanges.unlocated(p), forKey: p.qualifiedName) != nil { return nil }
            return out
        }
        guard let old = byName(a), let new = byName(b) else { return nil }
        return Set(old.keys.filter { new[$0] != old[$0] }).union(new.keys.filter { old[$0] == nil })
    }

    private static func unlocated(_ n: Namespace) -> Namespace {
        var n = n
        n.location = nil
        return n
    }

    private static func unlocated(_ p: Pod) -> Pod {
        var p = p
        p.location = nil
        return p
    }
}
