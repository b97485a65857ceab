/// The two IP families; each has its own address space.
public enum IPFamily: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case v4 = 4
    case v6 = 6

    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }

    public var bitWidth: Int { self == .v4 ? 32 : 128 }
    public var maxValue: UInt128 { self == .v4 ? UInt128(UInt32.max) : UInt128.max }
}

/// An IPv4 or IPv6 address as an integer within its family's space.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var family: IPFamily
    public var value: UInt128

    public init(family: IPFamily, value: UInt128) {
        self.family = family
        self.value = value
    }

    public static func < (l: Self, r: Self) -> Bool { (l.family, l.value) < (r.family, r.value) }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with `::` and an embedded IPv4 tail).
    public init?(_ text: String) {
        if text.contains(":") {
            guard let v = Self.parseV6(Substring(text)) else { return nil }
            self.init(family: .v6, value: v)
        } else {
            guard let v = Self.parseV4(Substring(text)) else { return nil }
            self.init(family: .v4, value: UInt128(v))
        }
    }

    public var description: String {
        family == .v4 ? Self.formatV4(UInt32(truncatingIfNeeded: value)) : Self.formatV6(value)
    }

    static func parseV4(_ s: Substring) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                let n = UInt32(p), n <= 255
            else { return nil }
            v = v << 8 | n
        }
        return v
    }

    static func parseV6(_ s: Substring) -> UInt128? {
        guard s.count <= 45 else { return nil }
        let halves = Self.splitDoubleColon(String(s))
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowV4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, item) in items.enumerated() {
                if allowV4Tail && i == items.count - 1 && item.contains(".") {
                    guard let v4 = parseV4(item) else { return nil }
                    out.append(UInt16(v4 >> 16))
                    out.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard !item.isEmpty, item.count <= 4, item.allSatisfy({ $0.isHexDigit && $0.isASCII }),
                    let g = UInt16(item, radix: 16)
                else { return nil }
                out.append(g)
            }
            return out
        }
        var all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowV4Tail: false),
                let tail = groups(halves[1], allowV4Tail: true), head.count + tail.count <= 7
            else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let g = groups(halves[0], allowV4Tail: true), g.count == 8 else { return nil }
            all = g
        }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// Splits at every `::` (a `:::` is left for the group parser to reject).
    static func splitDoubleColon(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        let it = Array(s)
        var i = 0
        while i < it.count {
            if it[i] == ":" && i + 1 < it.count && it[i + 1] == ":" {
                out.append(current)
                current = ""
                i += 2
            } else {
                current.append(it[i])
                i += 1
            }
        }
        out.append(current)
        return out
    }

    static func formatV4(_ v: UInt32) -> String {
        "\(v >> 24).\((v >> 16) & 255).\((v >> 8) & 255).\(v & 255)"
    }

    /// RFC 5952 text: lower case, the longest run (>= 2) of zero groups shown as `::`.
    static func formatV6(_ v: UInt128) -> String {
        let g = (0..<8).map { UInt16(truncatingIfNeeded: v >> (16 * (7 - $0))) }
        var bestStart = -1, bestLen = 0, i = 0
        while i < 8 {
            if g[i] == 0 {
                var j = i
                while j < 8 && g[j] == 0 { j += 1 }
                if j - i > bestLen && j - i >= 2 {
                    bestStart = i
                    bestLen = j - i
                }
                i = j
            } else {
                i += 1
            }
        }
        let hex = g.map { String($0, radix: 16) }
        if bestStart < 0 { return hex.joined(separator: ":") }
        let head = hex[0..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLen)...].joined(separator: ":")
        return head + "::" + tail
    }
}
