import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import Testing

/// The incremental diff (`IncrementalComparison`: the new side derived from the old one, only
/// the changed policies' identities swept) against the full comparison of two whole
/// evaluations, on seeded random clusters (admin tiers, ipBlocks with excepts in both
/// families, named ports, hostNetwork pods, replicas) and random NetworkPolicy edits: the same
/// diff, the same variant notes, and byte for byte the same output in every list format.
@Suite struct IncrementalDiffTests {
    /// One to three edits: add a policy, remove one, replace a rule, change a selector, or add
    /// an ipBlock (with an except) whose boundaries neither side had.
    static func edited(_ cluster: Cluster, _ rng: inout SplitMix64) -> Cluster {
        var c = cluster
        let namespaces = Array(Set(c.pods.map(\.namespace)).union(c.policies.map(\.namespace))).sorted()
        for n in 0..<Int.random(in: 1...3, using: &rng) {
            let edit = c.policies.isEmpty ? 0 : Int.random(in: 0..<5, using: &rng)
            let pi = c.policies.isEmpty ? 0 : Int.random(in: 0..<c.policies.count, using: &rng)
            switch edit {
            case 0: c.policies.append(RandomCluster.policy(&rng, index: 100 + n, namespaces: namespaces))
            case 1: c.policies.remove(at: pi)
            case 2:
                let rule = RandomCluster.rule(&rng)
                if rng.chance(0.5) || c.policies[pi].egress.isEmpty {
                    c.policies[pi].ingress = Array(c.policies[pi].ingress.dropLast()) + [rule]
                } else {
                    c.policies[pi].egress[c.policies[pi].egress.count - 1] = rule
                }
            case 3: c.policies[pi].podSelector = RandomCluster.selector(&rng)
            default:
                let (cidr, except) = rng.pick([
                    ("10.1.2.128/25", "10.1.2.192/26"), ("10.1.3.0/24", "10.1.3.5/32"), ("2001:db8:1::/64", "2001:db8:1::8/125"),
                ])
                let block = PolicyPeer.ipBlock(IPBlock(cidr: try! CIDR.parse(cidr), except: [try! CIDR.parse(except)]))
                let rule = PolicyRule(peers: [block], ports: rng.chance(0.5) ? [] : [RandomCluster.port(&rng)])
                if rng.chance(0.5) { c.policies[pi].ingress.append(rule) } else { c.policies[pi].egress.append(rule) }
            }
        }
        return c
    }

    @Test(arguments: [(true, HostNetworkPolicy.bypass), (false, .apply)])
    func sameOutputAsTheFullDiff(matchPods: Bool, hostNetwork: HostNetworkPolicy) {
        let options = EvaluationOptions(ipBlockMatchesPods: matchPods, hostNetwork: hostNetwork)
        var compared = 0, fellBack = 0, nonEmpty = 0
        for seed in 1...240 as ClosedRange<UInt64> {
            var rng = SplitMix64(seed: seed &* 7919)
            let before = RandomCluster.make(seed: seed)
            let after = Self.edited(before, &rng)
            let policies = PolicyChanges(old: before, new: after)
            for level in AggregationLevel.allCases {
                let full = ConnectivityComparison(old: before, new: after, options: options, level: level)
                guard let quick = IncrementalComparison(old: before, new: after, options: options, level: level) else {
                    fellBack += 1
                    continue
                }
                compared += 1
                if !full.diff.isEmpty { nonEmpty += 1 }
                let context = "seed \(seed) \(level):\n\(ClusterDump.text(before))\nafter:\n\(ClusterDump.text(after))"
                #expect(quick.diff == full.diff, "\(context)")
                #expect(quick.notes.old == full.notes.old && quick.notes.new == full.notes.new, "\(context)")
                for format in DiffFormat.allCases {
                    let a = DiffFormatter.render(quick.diff, policies: policies, as: format, old: "a", new: "b", level: level)
                    let b = DiffFormatter.render(full.diff, policies: policies, as: format, old: "a", new: "b", level: level)
                    #expect(a == b, "\(format) \(context)")
                }
            }
        }
        // Only an added policy in a namespace nothing else names takes the full path.
        #expect(fellBack * 10 < compared, "fell back \(fellBack) times, compared \(compared)")
        #expect(nonEmpty * 2 > compared, "only \(nonEmpty) of \(compared) edits changed connectivity")
    }

    /// `diff --watch` keeps OLD's evaluation between diffs: a second edit of the same OLD gives
    /// what a fresh comparison gives, a changed OLD (a pod relabelled, a location moved) is
    /// evaluated again, and the kept evaluation is taken only when OLD and the cuts are the same.
    @Test func keptOldEvaluationGivesTheFreshDiff() {
        var reusedAtAll = 0
        for seed in 1...80 as ClosedRange<UInt64> {
            var rng = SplitMix64(seed: seed &* 104_729)
            let before = RandomCluster.make(seed: seed)
            var moved = before
            if !moved.pods.isEmpty { moved.pods[0].location = SourceLocation(file: "moved.yaml", line: 3) }
            let reuse = EvaluationReuse()
            for (call, old) in [before, before, moved, moved].enumerated() {
                let after = Self.edited(old, &rng)
                let reusedBefore = reuse.reused
                let kept = IncrementalComparison(old: old, new: after, options: .init(), level: .workload, reuse: reuse)
                let fresh = IncrementalComparison(old: old, new: after, options: .init(), level: .workload)
                #expect((kept == nil) == (fresh == nil), "seed \(seed)")
                guard let kept, let fresh else { continue }
                #expect(kept.diff == fresh.diff, "seed \(seed)\n\(ClusterDump.text(old))")
                #expect(kept.notes.old == fresh.notes.old && kept.notes.new == fresh.notes.new, "seed \(seed)")
                if reuse.reused > reusedBefore { reusedAtAll += 1 }
                // The first call with the moved OLD never takes the evaluation of the other.
                if call == 2 && !before.pods.isEmpty { #expect(reuse.reused == reusedBefore, "seed \(seed)") }
            }
        }
        // Edits that add or change ipBlocks change the cuts, and OLD is evaluated again then.
        #expect(reusedAtAll > 20, "the kept evaluation was taken only \(reusedAtAll) times")
    }

    /// Sweeping every node's identities is the full list (the restricted sweep's pair rules).
    @Test func touchingEveryNodeIsTheFullList() {
        for seed in 1...200 as ClosedRange<UInt64> {
            let reach = Reachability(cluster: RandomCluster.make(seed: seed))
            for level in AggregationLevel.allCases {
                let everything = reach.groupEndpoints(level: level)
                #expect(reach.edges(level: level, touching: everything) == reach.edges(level: level), "seed \(seed) \(level)")
            }
        }
    }

    /// Anything but NetworkPolicies differing takes the full path.
    @Test func otherObjectsChangedFallBack() {
        let before = RandomCluster.make(seed: 3)
        var after = before
        after.pods[0].labels["extra"] = "x"
        #expect(IncrementalComparison(old: before, new: after, options: .init(), level: .workload) == nil)
        after = before
        after.namespaces[0].labels["extra"] = "x"
        #expect(IncrementalComparison(old: before, new: after, options: .init(), level: .workload) == nil)
        after = before
        after.policies.append(NetworkPolicy(namespace: "nowhere", name: "new", policyTypes: [.ingress]))
        #expect(IncrementalComparison(old: before, new: after, options: .init(), level: .workload) == nil)
        after = before
        after.pods[0].location = SourceLocation(file: "moved.yaml")
        #expect(IncrementalComparison(old: before, new: after, options: .init(), level: .workload) != nil)
    }
}
