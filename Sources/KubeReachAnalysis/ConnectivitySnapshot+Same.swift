import KubeReachCore

extension ConnectivitySnapshot {
    /// Whether the two sides allow exactly the same: the same group nodes, the same edges
    /// between named nodes in the same order, and per named node and direction the same
    /// connections to every external address (however each side cut its ranges).
    ///
    /// A shortcut for the checks that compare a simulation with what it should be, and are
    /// equal when all is well: `false` may also mean "not shown equal here" (edges listed in
    /// another order, overlapping ranges on one side), so a caller falls back on
    /// `ConnectivityDiff`, which tells the difference. `true` always means an empty diff.
    ///
    /// - Complexity: O(E) for E edges plus the sort of each node's external ranges; no
    ///   endpoint is hashed except for the external edges.
    public func allowsTheSame(as other: ConnectivitySnapshot) -> Bool {
        var a = edges.lazy.filter { !$0.source.isExternal && !$0.destination.isExternal }.makeIterator()
        var b = other.edges.lazy.filter { !$0.source.isExternal && !$0.destination.isExternal }.makeIterator()
        while true {
            let x = a.next(), y = b.next()
            if x != y { return false }
            if x == nil { break }
        }
        guard nodes == other.nodes, let mine = ExternalCover(edges), let theirs = ExternalCover(other.edges) else { return false }
        return mine == theirs
    }
}

extension ConnectivitySnapshot {
    /// Whether this side allows at least everything `other` does: each pair of named nodes
    /// `other` lists is listed here with a superset of its connections, and each external
    /// address likewise. `true` means the diff from `other` to this side neither removes nor
    /// narrows anything; `false` may also mean "not shown here" (edges in another order).
    ///
    /// - Complexity: O(E) for E edges plus the sort of each node's external ranges.
    public func allowsAtLeast(_ other: ConnectivitySnapshot) -> Bool {
        var mine = edges.lazy.filter { !$0.source.isExternal && !$0.destination.isExternal }.makeIterator()
        for e in other.edges where !e.source.isExternal && !e.destination.isExternal {
            // Both lists in one order: `other`'s pairs are found in turn among these.
            while true {
                guard let m = mine.next() else { return false }
                guard m.source == e.source && m.destination == e.destination else { continue }
                if m.connections != e.connections && !e.connections.subtracting(m.connections).isEmpty { return false }
                break
            }
        }
        guard let a = ExternalCover(edges), let b = ExternalCover(other.edges) else { return false }
        return a.covers(b)
    }
}

extension ConnectivityDiff {
    /// No change: what `ConnectivityDiff(old:new:)` gives for two equal sides.
    static var nothing: ConnectivityDiff {
        let none = ConnectivitySnapshot(nodes: [], edges: [])
        return ConnectivityDiff(old: none, new: none)
    }

    /// `ConnectivityDiff(old:new:)`, with no pair-by-pair comparison when both sides allow
    /// exactly the same (`allowsTheSame`): the usual answer of a check that passes.
    public static func comparing(_ old: ConnectivitySnapshot, _ new: ConnectivitySnapshot) -> ConnectivityDiff {
        old.allowsTheSame(as: new) ? .nothing : ConnectivityDiff(old: old, new: new)
    }
}

/// The external edges of one side as a function of addresses: per named node and direction,
/// disjoint ranges sorted, empty sets left out, neighbours with equal sets merged. Two sides
/// cut into different ranges compare equal exactly when they allow the same.
struct ExternalCover: Equatable {
    struct Side: Hashable {
        var node: Endpoint
        var outbound: Bool
    }

    var ranges: [Side: [Piece]] = [:]

    struct Piece: Equatable {
        var range: IPRange
        var connections: ConnectionSet
    }

    /// Nil when a node's ranges overlap or an edge joins two external ends (not shown here).
    init?(_ edges: [ConnectivityEdge]) {
        for e in edges where !e.connections.isEmpty {
            switch (e.source.externalRange, e.destination.externalRange) {
            case (nil, nil): continue
            case (let r?, nil):
                ranges[Side(node: e.destination, outbound: false), default: []].append(Piece(range: r, connections: e.connections))
            case (nil, let r?):
                ranges[Side(node: e.source, outbound: true), default: []].append(Piece(range: r, connections: e.connections))
            case (_?, _?): return nil
            }
        }
        for (side, pieces) in ranges {
            guard let merged = Self.merged(pieces) else { return nil }
            ranges[side] = merged
        }
    }

    /// Whether every address `other` allows something to or from, per node and direction,
    /// is allowed here at least as much.
    func covers(_ other: ExternalCover) -> Bool {
        for (side, theirs) in other.ranges {
            let mine = ranges[side] ?? []
            var k = 0
            for p in theirs {
                // The first address of `p` not yet shown covered, and the pieces that cover it.
                var next = p.range.lower
                while k < mine.count && (mine[k].range.family, mine[k].range.upper) < (p.range.family, next) { k += 1 }
                while true {
                    guard k < mine.count, mine[k].range.family == p.range.family, mine[k].range.lower <= next else { return false }
                    let c = mine[k].connections
                    if c != p.connections && !p.connections.subtracting(c).isEmpty { return false }
                    if mine[k].range.upper >= p.range.upper { break }
                    next = mine[k].range.upper + 1
                    k += 1
                }
            }
        }
        return true
    }

    /// Sorted, neighbours with one set joined; nil when two ranges overlap.
    static func merged(_ pieces: [Piece]) -> [Piece]? {
        var out: [Piece] = []
        for p in pieces.sorted(by: { $0.range < $1.range }) {
            guard let last = out.last, last.range.family == p.range.family else {
                out.append(p)
                continue
            }
            if last.range.upper >= p.range.lower { return nil }
            if last.connections == p.connections && last.range.upper + 1 == p.range.lower {
                out[out.count - 1].range = IPRange(family: p.range.family, lower: last.range.lower, upper: p.range.upper)
            } else {
                out.append(p)
            }
        }
        return out
    }
}
