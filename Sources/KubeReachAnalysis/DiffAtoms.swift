import KubeReachCore

/// The common cut of both sides' external ranges, so that a range split into halves on one
/// side and whole on the other compares address by address.
struct DiffAtoms {
    /// An expanded pair: group endpoints as they are, external ones as atoms of the common cut.
    struct Key: Hashable {
        var source: Endpoint
        var destination: Endpoint
    }

    /// Per family, every address where an atom starts, sorted.
    private var starts: [IPFamily: [UInt128]] = [:]

    init<A: Sequence, B: Sequence>(_ a: A, _ b: B) where A.Element == IPRange, B.Element == IPRange {
        var sets: [IPFamily: Set<UInt128>] = [:]
        for r in Array(a) + Array(b) {
            sets[r.family, default: [0]].insert(r.lower)
            if r.upper < r.family.maxValue { sets[r.family]!.insert(r.upper + 1) }
        }
        starts = sets.mapValues { $0.sorted() }
    }

    /// The atoms of the common cut inside `r`.
    /// - Complexity: O(log S + k).
    func pieces(of r: IPRange) -> [IPRange] {
        let s = starts[r.family] ?? []
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] <= r.lower { lo = mid + 1 } else { hi = mid }
        }
        var out: [IPRange] = [], begin = r.lower
        while lo < s.count, s[lo] <= r.upper {
            out.append(IPRange(family: r.family, lower: begin, upper: s[lo] - 1))
            begin = s[lo]
            lo += 1
        }
        out.append(IPRange(family: r.family, lower: begin, upper: r.upper))
        return out
    }

    /// One side's edges on the common cut: pair → connections.
    func expand(_ side: ConnectivitySnapshot) -> [Key: ConnectionSet] {
        func ends(_ e: Endpoint) -> [Endpoint] {
            guard let r = e.externalRange else { return [e] }
            return pieces(of: r).map(Endpoint.external)
        }
        var out: [Key: ConnectionSet] = [:]
        for e in side.edges where !e.connections.isEmpty {
            for s in ends(e.source) {
                for d in ends(e.destination) {
                    let key = Key(source: s, destination: d)
                    out[key] = out[key].map { $0.union(e.connections) } ?? e.connections
                }
            }
        }
        return out
    }

    /// Entries named and sorted, contiguous atoms with the same peer and the same change
    /// merged back into one range (the result does not depend on how either side was cut).
    static func merged(_ entries: [Key: ConnectivityDiff.Entry]) -> [ConnectivityDiff.Entry] {
        struct Group: Hashable {
            var peer: Endpoint
            var rangeIsSource: Bool
            var family: IPFamily
            var before: ConnectionSet
            var after: ConnectionSet
        }
        var out: [ConnectivityDiff.Entry] = []
        var groups: [Group: [IPRange]] = [:]
        for (key, e) in entries {
            switch (key.source, key.destination) {
            case (.external(let r), let peer):
                groups[Group(peer: peer, rangeIsSource: true, family: r.family, before: e.before, after: e.after), default: []].append(r)
            case (let peer, .external(let r)):
                groups[Group(peer: peer, rangeIsSource: false, family: r.family, before: e.before, after: e.after), default: []].append(r)
            default:
                out.append(.init(source: key.source, destination: key.destination, before: e.before, after: e.after))
            }
        }
        for (g, ranges) in groups {
            for r in IPRange.coalesced(ranges) {
                let (s, d) = g.rangeIsSource ? (Endpoint.external(r), g.peer) : (g.peer, Endpoint.external(r))
                out.append(.init(source: s, destination: d, before: g.before, after: g.after))
            }
        }
        return out.sorted { $0.source != $1.source ? $0.source.utf8Precedes($1.source) : $0.destination.utf8Precedes($1.destination) }
    }
}
