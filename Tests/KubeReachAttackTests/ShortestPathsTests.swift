import KubeReachCore
import Testing

@testable import KubeReachAttack

/// `-k`: Yen's paths against every simple path enumerated by a naive depth-first search, on
/// seeded random graphs with parallel edges of different techniques.
@Suite struct ShortestPathsTests {
    /// A seeded linear congruential generator (enough for graph shapes).
    struct Seeded {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func graph(seed: UInt64) -> AttackGraph {
        var rng = Seeded(state: seed)
        var g = AttackGraph()
        let techniques: [AttackTechnique] = [.podExec, .tokenSteal, .endpointExploit]
        let n = 4 + rng.below(6)
        for v in 0..<n { g.intern(.node("n\(v)")) }
        for _ in 0..<(n + rng.below(3 * n)) {
            let a = rng.below(n), b = rng.below(n)
            g.add(.node("n\(a)"), .node("n\(b)"), techniques[rng.below(3)], "", nil)
        }
        return g
    }

    /// Every simple path from a source whose only target vertex is its last, by DFS.
    static func naive(_ g: AttackGraph, _ sources: [Int], _ targets: Set<Int>) -> [[Int]] {
        var out: [[Int]] = []
        func walk(_ v: Int, _ path: [Int], _ seen: Set<Int>) {
            if targets.contains(v) {
                out.append(path)
                return
            }
            for e in g.outgoing[v] where !seen.contains(g.edges[e].to) { walk(g.edges[e].to, path + [e], seen.union([g.edges[e].to])) }
        }
        for s in Set(sources) { walk(s, [], [s]) }
        return out
    }

    @Test(arguments: 0..<300)
    func yenMatchesEnumeration(_ seed: Int) {
        let g = Self.graph(seed: UInt64(seed))
        var rng = Seeded(state: UInt64(seed) &+ 99)
        let n = g.vertices.count
        let sources = [rng.below(n), rng.below(n)], targets: Set<Int> = [rng.below(n)]
        let k = rng.below(6)
        let all = Self.naive(g, sources, targets).sorted { $0.count < $1.count }
        for distances in [nil, g.distances(to: targets)] {
            let got = g.shortestPaths(from: sources, to: targets, extra: k, distances: distances)
            #expect(got.map(\.count) == Array(all.prefix(k + 1).map(\.count)), "seed \(seed): lengths")
            #expect(Set(got).count == got.count, "seed \(seed): a path twice")
            #expect(got.allSatisfy { p in all.contains(p) }, "seed \(seed): not a simple path from a source to a target")
        }
    }
}
