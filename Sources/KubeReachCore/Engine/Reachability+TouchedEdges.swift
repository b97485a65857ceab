import BitCollections

extension Reachability {
    /// The edges of `edges(level:)` whose source or destination is one of `nodes`, each the
    /// same union of pod pairs: only the identities with a pod in one of those nodes are
    /// swept (as sources, against every destination, and as destinations, against every
    /// other source), so the cost follows the nodes asked for, not the cluster.
    ///
    /// - Complexity: O(T × (identities + external ranges) + runs of the rows crossing the
    ///   swept columns) for T identities in `nodes`, plus the size of the output.
    public func edges(level: AggregationLevel, touching nodes: Set<Endpoint>) -> [ConnectivityEdge] {
        var sweep = TouchedSweep(self, level: level, nodes: nodes)
        for range in sweep.sweptRanges {
            var column = IngressColumn(rows: ingressRows, range: range)
            while true {
                sweep.addFrom(source: column.column, ingress: column.cells)
                if column.column + 1 == range.upperBound { break }
                column.advance()
            }
            var egressColumn = IngressColumn(rows: egressRows, range: range)
            while true {
                sweep.addTo(destination: egressColumn.column, egress: egressColumn.cells)
                if egressColumn.column + 1 == range.upperBound { break }
                egressColumn.advance()
            }
        }
        return sweep.result()
    }
}

/// Accumulates node-level edges from the swept identities, with the same pair rules as the
/// full sweep: never a pod to itself, a group to itself only from two distinct pods at
/// workload level, no namespace to itself.
private struct TouchedSweep {
    let reach: Reachability
    /// Group nodes, then external sources, then external destinations.
    let names: [Endpoint]
    let groups: Int
    /// Whether each node is one asked for.
    let asked: [Bool]
    /// Group nodes of each identity; those holding two or more of its pods (workload level).
    let ofIdentity: [[Int]]
    let repeated: [Set<Int>]
    let selfEdges: Bool
    /// Identities with a pod in an asked node, by identity.
    let swept: [Bool]
    let sweptRanges: [Range<Int>]
    private var table: ConnectionTable
    private var acc: [Int: UInt32] = [:]

    init(_ reach: Reachability, level: AggregationLevel, nodes: Set<Endpoint>) {
        self.reach = reach
        table = reach.table
        var number: [Endpoint: Int] = [:]
        var names: [Endpoint] = []
        var sets = [Set<Int>](repeating: [], count: reach.identities.count)
        var repeated = sets
        for p in reach.cluster.pods.indices {
            let g = reach.endpoint(ofPod: p, level: level)
            let n = number[g] ?? names.count
            if n == names.count {
                number[g] = n
                names.append(g)
            }
            let id = reach.identities.identityOfPod[p]
            if !sets[id].insert(n).inserted && level == .workload { repeated[id].insert(n) }
        }
        groups = names.count
        names += (reach.externalSources + reach.externalDestinations).map(Endpoint.external)
        self.names = names
        asked = names.map { nodes.contains($0) }
        ofIdentity = sets.map { $0.sorted() }
        self.repeated = repeated
        selfEdges = level == .workload
        let asked = self.asked
        swept = ofIdentity.map { $0.contains { asked[$0] } }
        var ranges: [Range<Int>] = []
        for id in swept.indices where swept[id] {
            if let last = ranges.last, last.upperBound == id {
                ranges[ranges.count - 1] = last.lowerBound..<id + 1
            } else {
                ranges.append(id..<id + 1)
            }
        }
        sweptRanges = ranges
    }

    private mutating func add(_ a: Int, _ b: Int, _ c: UInt32) {
        let key = a * names.count + b
        acc[key] = table.union(acc[key] ?? ConnectionTable.none, c)
    }

    /// Pairs of group nodes from identity `s` to identity `d` carrying `c`, where one end is asked.
    private mutating func addPairs(_ s: Int, _ d: Int, _ c: UInt32) {
        for a in ofIdentity[s] {
            for b in ofIdentity[d] where (asked[a] || asked[b]) && (a != b || (s != d ? selfEdges : repeated[s].contains(a))) {
                add(a, b, c)
            }
        }
    }

    /// Every edge from swept identity `s` (to identities and external destinations) and from
    /// external sources to it, given every ingress row's cell at `s`.
    mutating func addFrom(source s: Int, ingress cells: [UInt32]) {
        let count = reach.identities.count
        let eRow = reach.egressRowOfIdentity[s]
        let egress = eRow < 0 ? CompactRow(filled: ConnectionTable.all) : reach.egressRows[Int(eRow)]
        egress.forEachRun(in: 0..<count) { range, e in
            guard e != ConnectionTable.none else { return }
            for d in range {
                let iRow = reach.ingressRowOfIdentity[d]
                let c = iRow < 0 ? e : table.intersection(e, cells[Int(iRow)])
                if c != ConnectionTable.none { addPairs(s, d, c) }
            }
        }
        let sources = reach.externalSources.count, destinationNodes = groups + sources
        egress.forEachRun(in: reach.destinationBase..<reach.destinationBase + reach.externalDestinations.count) { range, c in
            guard c != ConnectionTable.none else { return }
            for x in range { for a in ofIdentity[s] where asked[a] { add(a, destinationNodes + x - reach.destinationBase, c) } }
        }
        let iRow = reach.ingressRowOfIdentity[s]
        let ingress = iRow < 0 ? CompactRow(filled: ConnectionTable.all) : reach.ingressRows[Int(iRow)]
        ingress.forEachRun(in: reach.sourceBase..<reach.sourceBase + sources) { range, c in
            guard c != ConnectionTable.none else { return }
            for x in range { for b in ofIdentity[s] where asked[b] { add(groups + x - reach.sourceBase, b, c) } }
        }
    }

    /// Every edge into swept identity `d` from identities not swept (the swept ones were
    /// added as sources), given every egress row's cell at `d`.
    mutating func addTo(destination d: Int, egress cells: [UInt32]) {
        let iRow = reach.ingressRowOfIdentity[d]
        let ingress = iRow < 0 ? CompactRow(filled: ConnectionTable.all) : reach.ingressRows[Int(iRow)]
        ingress.forEachRun(in: 0..<reach.identities.count) { range, i in
            guard i != ConnectionTable.none else { return }
            for s in range where !swept[s] {
                let eRow = reach.egressRowOfIdentity[s]
                let c = eRow < 0 ? i : table.intersection(cells[Int(eRow)], i)
                if c != ConnectionTable.none { addPairs(s, d, c) }
            }
        }
    }

    /// The edges, sorted by source then destination (byte order).
    func result() -> [ConnectivityEdge] {
        let stride = names.count
        // An address range can be both a source and a destination node: one name, one rank.
        let used = Set(acc.keys.flatMap { [names[$0 / stride], names[$0 % stride]] })
        let rankOfName = Dictionary(uniqueKeysWithValues: Array(used).sortedByName().enumerated().map { ($1, $0) })
        var rank = [Int](repeating: -1, count: stride)
        let keys = acc.keys.map { key -> (Int, Int, Int) in
            for n in [key / stride, key % stride] where rank[n] < 0 { rank[n] = rankOfName[names[n]]! }
            return (rank[key / stride], rank[key % stride], key)
        }
        return keys.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { _, _, key in
            ConnectivityEdge(source: names[key / stride], destination: names[key % stride], connections: table[acc[key]!])
        }
    }
}
