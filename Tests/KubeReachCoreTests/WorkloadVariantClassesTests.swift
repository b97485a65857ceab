import KubeReachSynthetic
import Testing

@testable import KubeReachCore

/// The workload-consistency check compares two identities through the rows that start a run
/// between them (`RowBoundaries`); here against the plain definition (same rows, and every
/// row's cell equal at both columns) on seeded random clusters whose workloads hold pods of
/// several identities (other labels, other addresses).
@Suite struct WorkloadVariantClassesTests {
    @Test func classesEqualTheNaiveComparison() {
        var split = 0
        for seed in UInt64(1)...300 {
            for cluster in [RandomCluster.make(seed: seed), RandomCluster.makeMixed(seed: seed), RandomCiliumCluster.make(seed: seed)] {
                let reach = Reachability(cluster: Self.withVariedReplicas(cluster, seed: seed))
                let found = reach.variantClasses()
                let expected = Self.naiveClasses(reach)
                #expect(found.map(\.workload) == expected.map(\.workload), "seed \(seed)")
                #expect(found.map(\.classes) == expected.map(\.classes), "seed \(seed)")
                split += found.count
            }
        }
        #expect(split > 100, "the random clusters split workloads")
    }

    /// Adds to some workloads replicas with another label value or address, so that a
    /// workload holds several identities, some treated alike and some not.
    static func withVariedReplicas(_ cluster: Cluster, seed: UInt64) -> Cluster {
        var rng = SplitMix64(seed: seed &* 7919)
        var out = cluster
        for i in cluster.pods.indices where rng.chance(0.5) {
            var pod = cluster.pods[i]
            if pod.workload.kind == "Pod" {
                pod.workload = WorkloadRef(namespace: pod.namespace, name: "rs\(i)", kind: "ReplicaSet")
                out.pods[i].workload = pod.workload
            }
            for r in 0..<(1 + rng.below(3)) {
                var twin = pod
                twin.name = "\(pod.name)-v\(r)"
                if rng.chance(0.5) { twin.labels[rng.pick(RandomCluster.keys)] = rng.pick(RandomCluster.values) }
                twin.ips = rng.chance(0.5) ? [IPAddress("10.1.\(rng.below(4)).\(100 + i * 4 + r)")!] : []
                out.pods.append(twin)
            }
        }
        return out
    }

    /// Per workload of several identities, the identities grouped by the plain comparison.
    static func naiveClasses(_ reach: Reachability) -> [(workload: WorkloadRef, classes: [[Int]])] {
        func alike(_ a: Int, _ b: Int) -> Bool {
            reach.ingressRowOfIdentity[a] == reach.ingressRowOfIdentity[b]
                && reach.egressRowOfIdentity[a] == reach.egressRowOfIdentity[b]
                && reach.egressRows.allSatisfy { $0[a] == $0[b] } && reach.ingressRows.allSatisfy { $0[a] == $0[b] }
        }
        var idsOf: [WorkloadRef: Set<Int>] = [:]
        for (i, pod) in reach.cluster.pods.enumerated() { idsOf[pod.workload.whole, default: []].insert(reach.identities.identityOfPod[i]) }
        var out: [(workload: WorkloadRef, classes: [[Int]])] = []
        for (workload, ids) in idsOf {
            var classes: [[Int]] = []
            for id in ids.sorted() {
                if let c = classes.firstIndex(where: { alike($0[0], id) }) { classes[c].append(id) } else { classes.append([id]) }
            }
            if classes.count > 1 { out.append((workload, classes)) }
        }
        return out.sorted { $0.workload < $1.workload }
    }
}
