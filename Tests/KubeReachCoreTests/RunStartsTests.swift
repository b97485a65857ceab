import Testing

@testable import KubeReachCore

/// `RunStarts.agree` (rows read only where a run starts between two identity columns)
/// against reading every row at both columns, for every pair of identities of the seeded
/// random clusters (the workload-variant check depends on it).
@Suite struct RunStartsTests {
    @Test func agreesWithEveryRowRead() {
        var disagreeing = 0
        for seed in 1...300 as ClosedRange<UInt64> {
            let reach = Reachability(cluster: RandomCluster.make(seed: seed))
            let starts = RunStarts(reach)
            let ids = 0..<reach.identities.count
            for a in ids {
                for b in ids {
                    let every = (reach.egressRows + reach.ingressRows).allSatisfy { $0[a] == $0[b] }
                    #expect(starts.agree(a, b, in: reach) == every, "seed \(seed): identities \(a), \(b)")
                    if !every { disagreeing += 1 }
                }
            }
        }
        #expect(disagreeing > 1000, "the clusters should tell identities apart")
    }
}
