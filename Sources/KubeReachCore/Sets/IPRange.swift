/// A closed range of addresses of one family.
public struct IPRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var family: IPFamily
    public var lower: UInt128
    public var upper: UInt128

    public init(family: IPFamily, lower: UInt128, upper: UInt128) {
        precondition(lower <= upper && upper <= family.maxValue, "invalid IP range")
        self.family = family
        self.lower = lower
        self.upper = upper
    }

    /// The whole address space of a family (`0.0.0.0/0` or `::/0`).
    public static func everything(_ family: IPFamily) -> IPRange {
        IPRange(family: family, lower: 0, upper: family.maxValue)
    }

    public static func < (l: Self, r: Self) -> Bool {
        (l.family, l.lower, l.upper) < (r.family, r.lower, r.upper)
    }

    public func contains(_ a: IPAddress) -> Bool { a.family == family && lower <= a.value && a.value <= upper }

    public func contains(_ r: IPRange) -> Bool { r.family == family && lower <= r.lower && r.upper <= upper }

    public func overlaps(_ r: IPRange) -> Bool { r.family == family && lower <= r.upper && r.lower <= upper }

    public var first: IPAddress { IPAddress(family: family, value: lower) }
    public var last: IPAddress { IPAddress(family: family, value: upper) }

    /// `10.0.0.0-10.255.255.255`, always a start-end pair.
    public var description: String { "\(first)-\(last)" }
}
