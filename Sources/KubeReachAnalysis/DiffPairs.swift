import KubeReachCore

/// The pairs of two connectivity lists whose ends are both named nodes (no external range),
/// compared by walking both lists in byte order at once: no dictionary of every pair, which
/// at 5,000 workloads (millions of pairs per side) cost gigabytes.
enum DiffPairs {
    /// Entries of each kind, sorted by source then destination (byte order).
    /// - Complexity: O(E log E) integer comparisons; each endpoint's name is built once
    ///   (comparing names built strings per comparison: most of the time of `generate
    ///   least-privilege` at 650 workloads).
    static func compare(_ old: [ConnectivityEdge], _ new: [ConnectivityEdge]) -> [DiffKind: [ConnectivityDiff.Entry]] {
        var ends = Set<Endpoint>()
        for e in old {
            ends.insert(e.source)
            ends.insert(e.destination)
        }
        for e in new {
            ends.insert(e.source)
            ends.insert(e.destination)
        }
        let names = Array(ends).sortedByName()
        let rank = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let a = normalized(old, rank), b = normalized(new, rank)
        let precedes = { (x: ConnectivityEdge, y: ConnectivityEdge) in Self.key(x, rank) < Self.key(y, rank) }
        var out: [DiffKind: [ConnectivityDiff.Entry]] = [:]
        func emit(_ s: Endpoint, _ d: Endpoint, _ before: ConnectionSet, _ after: ConnectionSet) {
            if before == after { return }
            let kind: DiffKind = before.isEmpty ? .added : after.isEmpty ? .removed : .changed
            out[kind, default: []].append(.init(source: s, destination: d, before: before, after: after))
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && precedes(a[i], b[j])) {
                emit(a[i].source, a[i].destination, a[i].connections, .none)
                i += 1
            } else if i == a.count || precedes(b[j], a[i]) {
                emit(b[j].source, b[j].destination, .none, b[j].connections)
                j += 1
            } else {
                emit(a[i].source, a[i].destination, a[i].connections, b[j].connections)
                i += 1
                j += 1
            }
        }
        return out
    }

    static func key(_ e: ConnectivityEdge, _ rank: [Endpoint: Int]) -> (Int, Int) { (rank[e.source] ?? 0, rank[e.destination] ?? 0) }

    /// Sorted by `rank` (names in byte order), one edge per pair (repeated pairs united),
    /// empty sets dropped. `Reachability`'s lists already are; other snapshots may not be.
    static func normalized(_ edges: [ConnectivityEdge], _ rank: [Endpoint: Int]) -> [ConnectivityEdge] {
        var list = edges.filter { !$0.connections.isEmpty }
        let keys = list.map { key($0, rank) }
        if !zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) {
            list = list.indices.sorted { keys[$0] < keys[$1] }.map { list[$0] }
            var merged: [ConnectivityEdge] = []
            for e in list {
                if let last = merged.last, last.source == e.source && last.destination == e.destination {
                    merged[merged.count - 1].connections = last.connections.union(e.connections)
                } else {
                    merged.append(e)
                }
            }
            list = merged
        }
        return list
    }

    /// Two sorted entry lists as one (the same order).
    static func merge(_ x: [ConnectivityDiff.Entry], _ y: [ConnectivityDiff.Entry]) -> [ConnectivityDiff.Entry] {
        if x.isEmpty { return y }
        if y.isEmpty { return x }
        func less(_ p: ConnectivityDiff.Entry, _ q: ConnectivityDiff.Entry) -> Bool {
            p.source != q.source ? p.source.utf8Precedes(q.source) : p.destination.utf8Precedes(q.destination)
        }
        var out: [ConnectivityDiff.Entry] = []
        out.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && less(x[i], y[j])) {
                out.append(x[i])
                i += 1
            } else {
                out.append(y[j])
                j += 1
            }
        }
        return out
    }
}
