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
        ranges = RangeList.normalised(input, in: Self.domain)
    }

    private init(canonical: [ClosedRange<Int>]) { ranges = canonical }

    public init(range: ClosedRange<Int>) { self.init([range]) }
    public init(port: Int) { self.init([port...port]) }

    static let domain = minPort...maxPort
    public static let all = PortSet(range: minPort...maxPort)
    public static let empty = PortSet()

    public var isEmpty: Bool { ranges.isEmpty }
    public var isAll: Bool { ranges == [Self.minPort...Self.maxPort] }

    public func contains(_ port: Int) -> Bool { RangeList.contains(ranges, port) }

    /// - Complexity: O(n + m).
    public func union(_ other: PortSet) -> PortSet {
        if other.isEmpty || isAll { return self }
        if isEmpty || other.isAll { return other }
        return PortSet(canonical: RangeList.union(ranges, other.ranges))
    }

    /// - Complexity: O(n + m).
    public func intersection(_ other: PortSet) -> PortSet {
        if isEmpty || other.isAll { return self }
        if other.isEmpty || isAll { return other }
        return PortSet(canonical: RangeList.intersection(ranges, other.ranges))
    }

    /// Ports in 1...65535 that are not in this set.
    public var complement: PortSet { PortSet(canonical: RangeList.complement(ranges, in: Self.domain)) }

    public func subtracting(_ other: PortSet) -> PortSet { intersection(other.complement) }

    public func isSubset(of other: PortSet) -> Bool { intersection(other) == self }

    /// `80,8080-8090`: ranges ascending, single ports alone.
    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }
}
