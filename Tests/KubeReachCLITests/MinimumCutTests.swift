import KubeReachAnalysis
import KubeReachSynthetic
import Testing

/// The minimum cut on twin classes (`MinimumCut.edges`) against the plain Edmonds–Karp it
/// replaced, on seeded random graphs built to have many twins (nodes drawn from a few types,
/// edges mostly decided by the types) and some that have none.
@Suite struct MinimumCutTests {
    /// The former implementation: unit capacities, one breadth-first augmenting path per unit
    /// of flow over a dictionary graph; the cut is read from the residual graph's source side.
    static func reference(outgoing: [[Int]], from sources: [Int], to sinks: [Int]) -> [(from: Int, to: Int)] {
        let n = outgoing.count, source = n, sink = n + 1
        var capacity: [Int: [Int: Int]] = [:]
        func add(_ a: Int, _ b: Int, _ c: Int) { capacity[a, default: [:]][b, default: 0] += c }
        let sinkSet = Set(sinks), sourceSet = Set(sources)
        for a in 0..<n where !sinkSet.contains(a) {
            for b in outgoing[a] where !sourceSet.contains(b) { add(a, b, 1) }
        }
        for s in sources { add(source, s, Int.max / 4) }
        for t in sinks { add(t, sink, Int.max / 4) }
        func augmentingPath() -> [Int: Int]? {
            var parent: [Int: Int] = [source: source], queue = [source], head = 0
            while head < queue.count {
                let a = queue[head]
                head += 1
                for (b, c) in capacity[a] ?? [:] where c > 0 && parent[b] == nil {
                    parent[b] = a
                    if b == sink { return parent }
                    queue.append(b)
                }
            }
            return nil
        }
        while let parent = augmentingPath() {
            var b = sink
            while b != source {
                let a = parent[b]!
                capacity[a]![b]! -= 1
                add(b, a, 1)
                b = a
            }
        }
        var side: Set<Int> = [source], queue = [source]
        while let a = queue.popLast() {
            for (b, c) in capacity[a] ?? [:] where c > 0 && side.insert(b).inserted { queue.append(b) }
        }
        var cut: [(Int, Int)] = []
        for a in 0..<n where side.contains(a) && !sinkSet.contains(a) {
            for b in outgoing[a] where !side.contains(b) && !sourceSet.contains(b) && a != b { cut.append((a, b)) }
        }
        return cut.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// A random graph: `types` kinds of node, an edge between two kinds with probability
    /// `density`, each edge flipped with probability `noise`; disjoint sources and sinks.
    static func graph(seed: UInt64) -> (outgoing: [[Int]], sources: [Int], sinks: [Int]) {
        var rng = SplitMix64(seed: seed)
        let n = 2 + rng.below(24), types = 1 + rng.below(5)
        let density = [0.2, 0.5, 0.9][rng.below(3)], noise = [0, 0, 0.05, 0.3][rng.below(4)]
        let kind = (0..<n).map { _ in rng.below(types) }
        let linked = (0..<types).map { _ in (0..<types).map { _ in rng.chance(density) } }
        let outgoing = (0..<n).map { a in (0..<n).filter { b in linked[kind[a]][kind[b]] != rng.chance(noise) } }
        var sources: [Int] = [], sinks: [Int] = []
        for a in 0..<n {
            switch rng.below(5) {
            case 0, 1: sources.append(a)
            case 2: sinks.append(a)
            default: break
            }
        }
        return (outgoing, sources, sinks)
    }

    @Test func sameCutAsTheReferenceOnRandomGraphs() {
        var nonEmpty = 0
        for seed in 1...400 as ClosedRange<UInt64> {
            let g = Self.graph(seed: seed)
            let fast = MinimumCut.edges(outgoing: g.outgoing, from: g.sources, to: g.sinks)
            let slow = Self.reference(outgoing: g.outgoing, from: g.sources, to: g.sinks)
            #expect(fast.count == slow.count, "seed \(seed): cut size")
            #expect(fast.map { [$0.from, $0.to] } == slow.map { [$0.from, $0.to] }, "seed \(seed): \(g)")
            if !slow.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 200)
    }

    /// Everything reaches everything: 2,000 nodes and 4 million edges collapse into three
    /// classes (sources, sinks, the rest), and the cut is every edge into a sink.
    @Test func completeGraphCollapsesIntoClasses() {
        let n = 2_000
        let all = Array(0..<n)
        let sources = Array(0..<1_500), sinks = Array(1_900..<n)
        let cut = MinimumCut.edges(outgoing: Array(repeating: all, count: n), from: sources, to: sinks)
        #expect(cut.count == 1_900 * 100)
        #expect(cut.first.map { [$0.from, $0.to] } == [0, 1_900] && cut.last.map { [$0.from, $0.to] } == [1_899, 1_999])
    }
}
