/// Every IP protocol other than TCP, UDP and SCTP, exactly: whole protocol numbers, and ICMP
/// and ICMPv6 down to message type and code (Calico and Cilium rules can name them; a
/// NetworkPolicy rule without `ports` allows all of it).
///
/// Canonical: ICMP (1) and ICMPv6 (58) live only in their message sets (all messages = the
/// whole protocol); the bit words hold every other number and never 1, 6, 17, 58 or 132.
public struct OtherProtocolSet: Hashable, Sendable, CustomStringConvertible {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    public private(set) var icmp: ICMPMessageSet = .none
    public private(set) var icmpv6: ICMPMessageSet = .none

    /// Numbers never held as bits: TCP, UDP, SCTP (ports of their own) and the two ICMPs.
    static let excluded: Set<Int> = [1, 6, 17, 58, 132]
    private static let allWords: (UInt64, UInt64, UInt64, UInt64) = {
        var s = OtherProtocolSet()
        for n in 0...255 where !excluded.contains(n) { s.setBit(n) }
        return (s.w0, s.w1, s.w2, s.w3)
    }()

    public static let none = OtherProtocolSet()
    public static let all: OtherProtocolSet = {
        var s = OtherProtocolSet()
        (s.w0, s.w1, s.w2, s.w3) = allWords
        s.icmp = .all
        s.icmpv6 = .all
        return s
    }()

    /// One whole protocol by number; TCP, UDP and SCTP (6, 17, 132) give the empty set, as
    /// they are not other protocols (use `ConnectionSet.protocolNumber`).
    public static func number(_ n: Int) -> OtherProtocolSet {
        var s = OtherProtocolSet()
        switch n {
        case ICMPFamily.v4.protocolNumber: s.icmp = .all
        case ICMPFamily.v6.protocolNumber: s.icmpv6 = .all
        case 0...255 where !excluded.contains(n): s.setBit(n)
        default: break
        }
        return s
    }

    /// ICMP or ICMPv6 messages: every type when `type` is nil, every code of it when `code` is.
    public static func icmp(_ family: ICMPFamily, type: Int?, code: Int?) -> OtherProtocolSet {
        messages(family, ICMPMessageSet(type: type, code: code))
    }

    public static func messages(_ family: ICMPFamily, _ set: ICMPMessageSet) -> OtherProtocolSet {
        var s = OtherProtocolSet()
        if family == .v4 { s.icmp = set } else { s.icmpv6 = set }
        return s
    }

    public var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 && icmp.isEmpty && icmpv6.isEmpty }
    public var isAll: Bool { self == Self.all }

    /// Whether the whole protocol `n` is in the set.
    public func contains(number n: Int) -> Bool {
        switch n {
        case ICMPFamily.v4.protocolNumber: icmp.isAll
        case ICMPFamily.v6.protocolNumber: icmpv6.isAll
        case 0...255 where !Self.excluded.contains(n): bit(n)
        default: false
        }
    }

    public func contains(_ family: ICMPFamily, type: Int, code: Int) -> Bool {
        (family == .v4 ? icmp : icmpv6).contains(type: type, code: code)
    }

    public func union(_ o: OtherProtocolSet) -> OtherProtocolSet {
        combined(o, words: |, icmp.union(o.icmp), icmpv6.union(o.icmpv6))
    }

    public func intersection(_ o: OtherProtocolSet) -> OtherProtocolSet {
        combined(o, words: &, icmp.intersection(o.icmp), icmpv6.intersection(o.icmpv6))
    }

    public func subtracting(_ o: OtherProtocolSet) -> OtherProtocolSet {
        combined(o, words: { $0 & ~$1 }, icmp.subtracting(o.icmp), icmpv6.subtracting(o.icmpv6))
    }

    /// Whole protocol numbers held as bits (not the ICMPs), ascending.
    public var numbers: [Int] { (0...255).filter { bit($0) } }

    /// `other protocols` for all of it, else `ICMP 8/0,ICMPv6,protocol 47,50-51`.
    public var description: String {
        if isAll { return ConnectionSet.otherProtocolsText }
        var parts: [String] = []
        for (family, set) in [(ICMPFamily.v4, icmp), (.v6, icmpv6)] where !set.isEmpty {
            parts.append(set.isAll ? family.rawValue : "\(family.rawValue) \(set.description)")
        }
        let runs = [bit(0) ? "0" : "", PortSet(numbers.filter { $0 > 0 }.map { $0...$0 }).description]
        let text = runs.filter { !$0.isEmpty }.joined(separator: ",")
        if !text.isEmpty { parts.append("protocol \(text)") }
        return parts.joined(separator: ",")
    }

    private func combined(
        _ o: OtherProtocolSet, words op: (UInt64, UInt64) -> UInt64, _ icmp: ICMPMessageSet, _ icmpv6: ICMPMessageSet
    ) -> OtherProtocolSet {
        var s = OtherProtocolSet()
        (s.w0, s.w1, s.w2, s.w3) = (op(w0, o.w0), op(w1, o.w1), op(w2, o.w2), op(w3, o.w3))
        s.icmp = icmp
        s.icmpv6 = icmpv6
        return s
    }

    private func bit(_ n: Int) -> Bool { word(n >> 6) & (1 << UInt64(n & 63)) != 0 }

    private func word(_ i: Int) -> UInt64 {
        switch i {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    private mutating func setBit(_ n: Int) {
        let mask: UInt64 = 1 << UInt64(n & 63)
        switch n >> 6 {
        case 0: w0 |= mask
        case 1: w1 |= mask
        case 2: w2 |= mask
        default: w3 |= mask
        }
    }
}
