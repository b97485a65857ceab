/// The two ICMP protocols, which Calico (`ICMP`, `ICMPv6`) and Cilium (`family: IPv4|IPv6`) match
/// by message type and code.
public enum ICMPFamily: String, CaseIterable, Sendable, Hashable, Codable {
    case v4 = "ICMP"
    case v6 = "ICMPv6"

    /// The IP protocol number: 1 for ICMP, 58 for ICMPv6.
    public var protocolNumber: Int { self == .v4 ? 1 : 58 }
}

/// A set of ICMP messages, as sorted ranges of keys `type × 256 + code` (both 0...255), so a
/// whole type is one range and every message is `0...65535`.
public struct ICMPMessageSet: Hashable, Sendable, CustomStringConvertible {
    static let domain = 0...65535
    public private(set) var ranges: [ClosedRange<Int>]

    private init(canonical: [ClosedRange<Int>]) { ranges = canonical }

    public static let none = ICMPMessageSet(canonical: [])
    public static let all = ICMPMessageSet(canonical: [domain])

    /// Every message of `type` (every type when nil), or one code of it.
    public init(type: Int?, code: Int?) {
        guard let type else {
            self.init(canonical: [Self.domain])
            return
        }
        let base = type * 256
        self.init(canonical: RangeList.normalised([code.map { (base + $0)...(base + $0) } ?? base...(base + 255)], in: Self.domain))
    }

    public var isEmpty: Bool { ranges.isEmpty }
    public var isAll: Bool { ranges == [Self.domain] }

    public func contains(type: Int, code: Int) -> Bool { RangeList.contains(ranges, type * 256 + code) }

    public func union(_ o: ICMPMessageSet) -> ICMPMessageSet { ICMPMessageSet(canonical: RangeList.union(ranges, o.ranges)) }
    public func intersection(_ o: ICMPMessageSet) -> ICMPMessageSet {
        ICMPMessageSet(canonical: RangeList.intersection(ranges, o.ranges))
    }
    public func subtracting(_ o: ICMPMessageSet) -> ICMPMessageSet {
        ICMPMessageSet(canonical: RangeList.intersection(ranges, RangeList.complement(o.ranges, in: Self.domain)))
    }

    /// The set as (type, codes) pieces: a range of keys split at type boundaries.
    public var pieces: [(type: Int, codes: ClosedRange<Int>)] {
        ranges.flatMap { r in
            (r.lowerBound / 256...r.upperBound / 256).map { t in
                (t, max(r.lowerBound, t * 256) - t * 256...min(r.upperBound, t * 256 + 255) - t * 256)
            }
        }
    }

    /// `8,0/0,3/1-3`: whole types alone, else `type/codes`; a run of whole types as `a-b`.
    public var description: String {
        ranges.flatMap { r -> [String] in
            if r.lowerBound % 256 == 0 && r.upperBound % 256 == 255 {
                let a = r.lowerBound / 256, b = r.upperBound / 256
                return [a == b ? "\(a)" : "\(a)-\(b)"]
            }
            return pieces(of: r).map { p in
                if p.codes == 0...255 { return "\(p.type)" }
                let c = p.codes.lowerBound == p.codes.upperBound ? "\(p.codes.lowerBound)" : "\(p.codes.lowerBound)-\(p.codes.upperBound)"
                return "\(p.type)/\(c)"
            }
        }.joined(separator: ",")
    }

    private func pieces(of r: ClosedRange<Int>) -> [(type: Int, codes: ClosedRange<Int>)] {
        ICMPMessageSet(canonical: [r]).pieces
    }
}
