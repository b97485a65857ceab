/// A set of ports in 1...65535, stored as sorted, disjoint, non-adjacent closed ranges.
///
/// The canonical form makes equality structural and printing trivial (`80-81`, never `80,81`).
public struct PortSet: Hashable, Sendable, CustomStringConvertible {
    public static let minPort = 1
    public static let maxPort = 65535

    /// Sorted, disjoint, non-adjacent ranges.
    public private(set) var ranges: [ClosedRange<Int>]

    public init() { ranges = [] }

    /// A set from arbitrary ranges; they are clamped to 1...65535 and normalised.
    public init<S: Sequence>(_ input: S) where S.Element == ClosedRange<Int> {
        var clamped: [ClosedRange<Int>] = []
        for r in input {
            let lo = max(r.lowerBound, Self.minPort), hi = min(r.upperBound, Self.maxPort)
            if lo <= hi { clamped.append(lo...hi) }
        }
        ranges = Self.normalised(clamped)
    }

    public init(range: ClosedRange<Int>) { self.init([range]) }
    public init(port: Int) { self.init([port...port]) }

    public static let all = PortSet(range: minPort...maxPort)
    public static let empty = PortSet()

    public var isEmpty: Bool { ranges.isEmpty }
    public var isAll: Bool { ranges == [Self.minPort...Self.maxPort] }

    public func contains(_ port: Int) -> Bool {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < port { lo = mid + 1 } else if ranges[mid].lowerBound > port { hi = mid - 1 } else { return true }
        }
        return false
    }

    /// - Complexity: O(n + m): both lists are sorted, so one merge pass joins them.
    public func union(_ other: PortSet) -> PortSet {
        if other.isEmpty || isAll { return self }
        if isEmpty || other.isAll { return other }
        var out: [ClosedRange<Int>] = []
        out.reserveCapacity(ranges.count + other.ranges.count)
        var i = 0, j = 0
        while i < ranges.count || j < other.ranges.count {
            let next: ClosedRange<Int>
            if j == other.ranges.count || (i < ranges.count && ranges[i].lowerBound <= other.ranges[j].lowerBound) {
                next = ranges[i]
                i += 1
            } else {
                next = other.ranges[j]
                j += 1
            }
            // Overlapping or adjacent to the last range: extend it (the canonical form merges adjacent ranges).
            if let last = out.last, next.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, next.upperBound)
            } else {
                out.append(next)
            }
        }
        var result = PortSet()
        result.ranges = out
        return result
    }

    /// - Complexity: O(n + m).
    public func intersection(_ other: PortSet) -> PortSet {
        if isEmpty || other.isAll { return self }
        if other.isEmpty || isAll { return other }
        var out: [ClosedRange<Int>] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
            if lo <= hi { out.append(lo...hi) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        var result = PortSet()
        result.ranges = out
        return result
    }

    /// Ports in 1...65535 that are not in this set.
    public var complement: PortSet {
        var out: [ClosedRange<Int>] = []
        var next = Self.minPort
        for r in ranges {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        if next <= Self.maxPort { out.append(next...Self.maxPort) }
        var result = PortSet()
        result.ranges = out
        return result
    }

    public func subtracting(_ other: PortSet) -> PortSet { intersection(other.complement) }

    public func isSubset(of other: PortSet) -> Bool { intersection(other) == self }

    /// `80,8080-8090`: ranges ascending, single ports alone.
    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }

    private static func normalised(_ input: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        guard input.count > 1 else { return input }
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Int>] = [sorted[0]]
        for r in sorted.dropFirst() {
            let last = out[out.count - 1]
            if r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
