import KubeReachSynthetic
import Testing

@testable import KubeReachCore

/// Compact rows (runs of equal cells) against the dense rows they replace: the run
/// operations on random cells, and every row of every identity on the seeded random
/// clusters (NetworkPolicies, admin tiers of both API versions, Cilium) against the dense
/// row builder, cell by cell.
@Suite struct CompactRowTests {
    /// Random dense rows with long runs and single cells, over a few values.
    static func randomDense(_ rng: inout SplitMix64, count: Int) -> [UInt32] {
        var out: [UInt32] = []
        while out.count < count {
            let value = UInt32(rng.below(4))
            out += Array(repeating: value, count: min(count - out.count, 1 + rng.below(rng.below(2) == 0 ? 2 : 40)))
        }
        return out
    }

    @Test func runsHoldTheDenseCells() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let count = 1 + rng.below(200)
            let a = Self.randomDense(&rng, count: count), b = Self.randomDense(&rng, count: count)
            let ra = CompactRow(dense: a), rb = CompactRow(dense: b)
            #expect((0..<count).map { ra[$0] } == a)
            #expect(zip(ra.starts, ra.starts.dropFirst()).allSatisfy { $0 < $1 } && ra.starts.first == 0)
            #expect(zip(ra.values, ra.values.dropFirst()).allSatisfy { $0 != $1 }, "neighbouring runs differ")
            let merged = ra.merged(with: rb) { $0 * 4 + $1 }
            #expect((0..<count).map { merged[$0] } == zip(a, b).map { $0 * 4 + $1 })
            #expect(ra.mapValues { $0 / 2 }.runCount <= ra.runCount)
            let lo = rng.below(count), hi = lo + rng.below(count - lo + 1)
            var seen: [UInt32] = []
            ra.forEachRun(in: lo..<hi) { range, v in seen += Array(repeating: v, count: range.count) }
            #expect(seen == Array(a[lo..<hi]))
            let members = (0..<count).filter { a[$0] == 1 }
            let masked = CompactRow(members: members, value: 9, outside: 5)
            #expect((0..<count).map { masked[$0] } == a.map { $0 == 1 ? 9 : 5 })
        }
    }

    /// Moving an `IngressColumn` along a range gives each row's cell at every column.
    @Test func ingressColumnFollowsTheRows() {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<100 {
            let count = 2 + rng.below(150)
            let dense = (0..<(1 + rng.below(12))).map { _ in Self.randomDense(&rng, count: count) }
            let rows = dense.map(CompactRow.init(dense:))
            let lo = rng.below(count - 1), hi = lo + 1 + rng.below(count - lo - 1)
            var column = IngressColumn(rows: rows, range: lo..<hi)
            for c in lo..<hi {
                if c > lo { column.advance() }
                #expect(column.column == c && column.cells == dense.map { $0[c] })
            }
        }
    }

    @Test func networkPolicyRowsEqualDenseRows() {
        for seed in UInt64(1)...250 {
            for options in [EvaluationOptions(), EvaluationOptions(ipBlockMatchesPods: false, hostNetwork: .apply)] {
                let found = Self.rowMismatches(RandomCluster.make(seed: seed), options)
                #expect(found.isEmpty, "seed \(seed): \(found.prefix(5))")
            }
        }
    }

    @Test func tieredAndCiliumRowsEqualDenseRows() {
        for seed in UInt64(1)...150 {
            let found = Self.rowMismatches(RandomCluster.makeMixed(seed: seed), .init())
            #expect(found.isEmpty, "mixed seed \(seed): \(found.prefix(5))")
            let cilium = Self.rowMismatches(RandomCiliumCluster.make(seed: seed), .init())
            #expect(cilium.isEmpty, "cilium seed \(seed): \(cilium.prefix(5))")
        }
    }

    /// Every identity's stored rows against the dense builder's, compared as connection sets.
    static func rowMismatches(_ cluster: Cluster, _ options: EvaluationOptions) -> [String] {
        let reach = Reachability(cluster: cluster, options: options)
        guard var maker = reach.rowMaker else { return ["no row maker"] }
        maker.table = reach.table
        var out: [String] = []
        for (d, direction) in [PolicyDirection.ingress, .egress].enumerated() {
            for id in 0..<reach.identities.count {
                let row = direction == .ingress ? reach.ingressRowOfIdentity[id] : reach.egressRowOfIdentity[id]
                guard let recipe = reach.recipes[d][id] else {
                    if row >= 0 { out.append("\(direction) identity \(id): a row without a recipe") }
                    continue
                }
                let stored = direction == .ingress ? reach.ingressRows[Int(row)] : reach.egressRows[Int(row)]
                let spec = RowMaker.Spec(
                    direction: direction, policies: recipe.policies, admin: recipe.admin,
                    baseline: recipe.policies.isEmpty || recipe.calico != nil ? recipe.baseline : [],
                    portList: reach.identities.portListOfIdentity[id], cilium: recipe.cilium, calico: recipe.calico)
                let dense = maker.denseRow(spec)
                for column in dense.indices where reach.table[stored[column]] != maker.table[dense[column]] {
                    out.append("\(direction) identity \(id) column \(column)")
                }
            }
        }
        return out
    }
}
