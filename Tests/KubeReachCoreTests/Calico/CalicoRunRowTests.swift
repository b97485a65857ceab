import Testing

@testable import KubeReachCore

/// Calico rows built from runs and column classes (`RowMaker.calicoRunRow`) against the
/// per-cell builder (`calicoRow`, through `denseRow`), cell by cell as connection sets, on
/// seeded random Calico clusters, alone and with the admin tiers of a mixed cluster.
@Suite struct CalicoRunRowTests {
    @Test func runRowsEqualCellRows() {
        for seed in UInt64(1)...150 {
            let found = CompactRowTests.rowMismatches(RandomCalicoCluster.make(seed: seed), .init())
            #expect(found.isEmpty, "seed \(seed): \(found.prefix(5))")
        }
    }

    @Test func runRowsEqualCellRowsWithAdminTiers() {
        var withAdmin = 0
        for seed in UInt64(1)...100 {
            var cluster = RandomCalicoCluster.make(seed: seed)
            cluster.adminPolicies = RandomCluster.makeMixed(seed: seed).adminPolicies
            if !cluster.adminPolicies.isEmpty { withAdmin += 1 }
            let found = CompactRowTests.rowMismatches(cluster, .init())
            #expect(found.isEmpty, "seed \(seed): \(found.prefix(5))")
        }
        #expect(withAdmin > 50)
    }

    /// The comparison has Calico rows to compare: most clusters give some identity a Calico row.
    @Test func clustersHaveCalicoRows() {
        let withRows = (UInt64(1)...50).filter { seed in
            let reach = Reachability(cluster: RandomCalicoCluster.make(seed: seed))
            return reach.recipes.contains { $0.contains { $0?.calico?.policies.isEmpty == false } }
        }
        #expect(withRows.count > 25)
    }
}
