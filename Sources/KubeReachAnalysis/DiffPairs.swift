import KubeReachCore

/// The pairs of two connectivity lists whose ends are both named nodes (no external range),
/// compared by walking both lists in byte order at once: no dictionary of every pair, which
/// at 5,000 workloads (millions of pairs per side) cost gigabytes.
enum DiffPairs {
    /// Entries of each kind, sorted by source then destination (byte order).
    static func compare(_ old: [ConnectivityEdge], _ new: [ConnectivityEdge]) -> [DiffKind: [ConnectivityDiff.Entry]] {
        let a = normalized(old), b = normalized(new)
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

    static func precedes(_ x: ConnectivityEdge, _ y: ConnectivityEdge) -> Bool {
        x.source != y.source ? x.source.utf8Precedes(y.source) : x.destination.utf8Precedes(y.destination)
    }

    /// Sorted, one edge per pair (repeated pairs united), empty sets dropped. `Reachability`'s
    /// lists already are; other snapshots may not be.
    static func normalized(_ edges: [ConnectivityEdge]) -> [ConnectivityEdge] {
        var list = edges.filter { !$0.connections.isEmpty }
        if !zip(list, list.dropFirst()).allSatisfy({ precedes($0, $1) }) {
            list.sort(by: precedes)
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
