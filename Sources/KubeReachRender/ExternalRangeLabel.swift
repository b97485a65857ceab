import KubeReachCore

/// Short names for a set of external ranges: `internet` for all of IPv4, `internet except
/// 10.0.0.0/8` when little is missing, else CIDRs (or `a - b` for ranges that are not).
enum ExternalRangeLabel {
    static func lines(_ names: [String], limit: Int = 6) -> [String] {
        var ranges: [IPRange] = []
        var unparsed: [String] = []
        for n in names {
            if let r = parse(n) { ranges.append(r) } else { unparsed.append(n) }
        }
        var lines: [String] = []
        for family in IPFamily.allCases {
            let merged = coalesce(ranges.filter { $0.family == family })
            if merged.isEmpty { continue }
            let everything = IPRange.everything(family)
            let internet = family == .v4 ? "internet" : "internet (IPv6)"
            if merged == [everything] {
                lines.append(internet)
                continue
            }
            let missing = complement(merged, within: everything).flatMap(cidrs)
            let present = merged.flatMap(cidrs)
            if missing.count <= 3 && missing.count < present.count {
                lines.append("\(internet) except")
                lines += missing
            } else {
                lines += merged.map { r in
                    let c = cidrs(r)
                    return c.count <= 2 ? c.joined(separator: ", ") : "\(r.first) - \(r.last)"
                }
            }
        }
        lines += unparsed
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit - 1)) + ["… and \(lines.count - limit + 1) more"]
    }

    /// `10.0.0.0-10.255.255.255[External]` → that range.
    static func parse(_ name: String) -> IPRange? {
        guard name.hasSuffix("[External]") else { return nil }
        let body = name.dropLast("[External]".count)
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lo = IPAddress(String(parts[0])), let hi = IPAddress(String(parts[1])),
            lo.family == hi.family, lo.value <= hi.value
        else { return nil }
        return IPRange(family: lo.family, lower: lo.value, upper: hi.value)
    }

    /// Sorted, with touching or overlapping ranges joined.
    static func coalesce(_ ranges: [IPRange]) -> [IPRange] {
        var out: [IPRange] = []
        for r in ranges.sorted() {
            if var last = out.last, last.upper == last.family.maxValue || r.lower <= last.upper + 1 {
                last.upper = max(last.upper, r.upper)
                out[out.count - 1] = last
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// The gaps of sorted, disjoint ranges inside `space`.
    static func complement(_ ranges: [IPRange], within space: IPRange) -> [IPRange] {
        var out: [IPRange] = []
        var next: UInt128? = space.lower
        for r in ranges {
            if let n = next, r.lower > n { out.append(IPRange(family: space.family, lower: n, upper: r.lower - 1)) }
            next = r.upper == space.upper ? nil : r.upper + 1
        }
        if let n = next { out.append(IPRange(family: space.family, lower: n, upper: space.upper)) }
        return out
    }

    /// The fewest CIDR blocks covering exactly one range, as text.
    static func cidrs(_ r: IPRange) -> [String] {
        let width = r.family.bitWidth
        var out: [String] = []
        var lo = r.lower
        while lo <= r.upper {
            var size = lo == 0 ? width : min(width, lo.trailingZeroBitCount)
            while size > 0 && lastOf(lo, size, width) > r.upper { size -= 1 }
            out.append("\(IPAddress(family: r.family, value: lo))/\(width - size)")
            let last = lastOf(lo, size, width)
            if last >= r.upper { break }
            lo = last + 1
        }
        return out
    }

    private static func lastOf(_ lo: UInt128, _ size: Int, _ width: Int) -> UInt128 {
        let mask: UInt128 = size >= 128 ? .max : (UInt128(1) << size) - 1
        let last = lo | mask
        return width == 32 ? min(last, UInt128(UInt32.max)) : last
    }
}
