import BitCollections

/// Two clusters that differ only in some NetworkPolicies, evaluated for a diff: the old one
/// in full, the new one from it (`Reachability.replacingPolicies`: only the changed policies
/// compiled, only the rows of the identities they select built), and the edges of either
/// side limited to the nodes those identities belong to — every other pair is the same on
/// both sides, so a diff of the two limited lists is the diff of the full ones.
public struct PolicyEditEvaluation: Sendable {
    public private(set) var old: Reachability
    public private(set) var new: Reachability
    /// Identities whose rows may differ: those a changed policy selects on either side.
    let touched: BitSet

    /// nil when the incremental path does not apply: Cilium or Calico semantics in play, or
    /// a changed policy in a namespace the old side does not know. The caller checks that
    /// everything but the NetworkPolicies is the same on both sides.
    /// - Parameter changed: qualified names (`ns/name`) of the policies added, removed or modified.
    /// - Parameter reuse: keeps OLD's evaluation for the next call with the same OLD and cuts (`diff --watch`).
    public init?(old before: Cluster, new after: Cluster, changed: Set<String>, options: EvaluationOptions, reuse: EvaluationReuse? = nil) {
        let calico = { (c: Cluster) in c.isCiliumActive || c.isCalicoActive(staged: options.calicoStaged) }
        guard !calico(before), !calico(after) else { return nil }
        // Both sides cut the address space (in both directions) at every ipBlock of the changed
        // policies, old and new versions: then their atoms are the same.
        func cuts(_ c: Cluster) -> [IPRange] {
            c.policies.filter { changed.contains($0.qualifiedName) }.flatMap { p in
                (p.ingress + p.egress).flatMap { rule in
                    rule.peers.flatMap { peer -> [IPRange] in
                        if case .ipBlock(let block) = peer { return block.ranges }
                        return []
                    }
                }
            }
        }
        var options = options
        options.additionalCuts += cuts(before) + cuts(after)
        let first = reuse?.evaluation(of: before, options: options) ?? Reachability(cluster: before, options: options)
        guard let (second, touched) = first.replacingPolicies(after.policies, changed: changed) else {
            return nil
        }
        old = first
        new = second
        self.touched = touched
    }

    /// Identities whose rows may differ, out of all (for `-v` and benchmarks).
    public var touchedIdentityCount: Int { touched.count }
    public var identityCount: Int { old.identities.count }

    /// Splits the workloads each side's policies treat differently (`splitWorkloadVariants`).
    public mutating func splitWorkloadVariants() -> (old: [Diagnostic], new: [Diagnostic]) {
        (old.splitWorkloadVariants(), new.splitWorkloadVariants())
    }

    /// The nodes whose edges may differ: every node (on either side) of a pod of a touched
    /// identity, or of a pod shown under another name on the other side (a workload split
    /// into variants differently).
    public func touchedNodes(level: AggregationLevel) -> Set<Endpoint> {
        var nodes = Set<Endpoint>()
        for p in old.cluster.pods.indices {
            let a = old.endpoint(ofPod: p, level: level), b = new.endpoint(ofPod: p, level: level)
            if a != b || touched.contains(old.identities.identityOfPod[p]) {
                nodes.insert(a)
                nodes.insert(b)
            }
        }
        return nodes
    }
}
