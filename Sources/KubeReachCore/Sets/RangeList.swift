/// Set algebra on sorted, disjoint, non-adjacent closed integer ranges: the one
/// implementation behind `PortSet` (ports 1...65535) and `ICMPMessageSet` (type×code keys).
enum RangeList {
    /// Clamps to `domain`, sorts and merges overlapping or adjacent ranges.
    static func normalised<S: Sequence>(_ input: S, in domain: ClosedRange<Int>) -> [ClosedRange<Int>]
    where S.Element == ClosedRange<Int> {
        var clamped: [ClosedRange<Int>] = []
        for r in input {
            let lo = max(r.lowerBound, domain.lowerBound), hi = min(r.upperBound, domain.upperBound)
            if lo <= hi { clamped.append(lo...hi) }
        }
        guard clamped.count > 1 else { return clamped }
        clamped.sort { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Int>] = [clamped[0]]
        for r in clamped.dropFirst() {
            let last = out[out.count - 1]
            if r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    static func contains(_ ranges: [ClosedRange<Int>], _ value: Int) -> Bool {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < value { lo = mid + 1 } else if ranges[mid].lowerBound > value { hi = mid - 1 } else { return true }
        }
        return false
    }

    /// - Complexity: O(n + m): both lists are sorted, so one merge pass joins them.
    static func union(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [ClosedRange<Int>] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: ClosedRange<Int>
            if j == b.count || (i < a.count && a[i].lowerBound <= b[j].lowerBound) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            // Overlapping or adjacent to the last range: extend it (the canonical form merges adjacent ranges).
            if let last = out.last, next.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, next.upperBound)
            } else {
                out.append(next)
            }
        }
        return out
    }

    /// - Complexity: O(n + m).
    static func intersection(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            let lo = max(x.lowerBound, y.lowerBound), hi = min(x.upperBound, y.upperBound)
            if lo <= hi { out.append(lo...hi) }
            if x.upperBound < y.upperBound { i += 1 } else { j += 1 }
        }
        return out
    }

    /// The values of `domain` that are in no range.
    static func complement(_ ranges: [ClosedRange<Int>], in domain: ClosedRange<Int>) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var next = domain.lowerBound
        for r in ranges {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        if next <= domain.upperBound { out.append(next...domain.upperBound) }
        return out
    }
}
