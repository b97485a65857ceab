/// Covering and cutting ranges: shared by ipBlock generation, diff merging and diagram labels.
extension IPRange {
    /// The fewest CIDR blocks that together cover exactly this range, in address order
    /// (an ipBlock takes CIDRs, a range seldom is one).
    /// - Complexity: O(bit width × blocks).
    public var cidrs: [CIDR] {
        let width = family.bitWidth
        var out: [CIDR] = []
        var lo = lower
        while true {
            // The largest aligned block starting at `lo` that stays inside the range.
            var k = 0
            while k < width {
                let next = k + 1
                let mask: UInt128 = next >= 128 ? .max : (UInt128(1) << next) - 1
                guard lo & mask == 0, lo | mask <= upper else { break }
                k = next
            }
            out.append(CIDR(address: IPAddress(family: family, value: lo), prefixLength: width - k))
            let end = lo | (k >= 128 ? .max : (UInt128(1) << k) - 1)
            if end >= upper { return out }
            lo = end + 1
        }
    }

    /// This range without the given addresses, as sorted disjoint ranges (empty when every
    /// address of the range is taken out).
    public func subtracting(_ addresses: [IPAddress]) -> [IPRange] {
        var out: [IPRange] = []
        var next = lower
        for a in Set(addresses.filter(contains)).sorted() {
            if a.value > next { out.append(IPRange(family: family, lower: next, upper: a.value - 1)) }
            guard a.value < upper else { return out }
            next = a.value + 1
        }
        out.append(IPRange(family: family, lower: next, upper: upper))
        return out
    }

    /// Neighbouring or overlapping ranges of one family joined, sorted.
    public static func coalesced(_ ranges: [IPRange]) -> [IPRange] {
        var out: [IPRange] = []
        for r in ranges.sorted() {
            if let last = out.last, last.family == r.family, last.upper == last.family.maxValue || last.upper + 1 >= r.lower {
                out[out.count - 1] = IPRange(family: r.family, lower: last.lower, upper: max(last.upper, r.upper))
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// This range without the given ones (sorted, disjoint, same family): its gaps.
    public func subtracting(_ ranges: [IPRange]) -> [IPRange] {
        var out: [IPRange] = [], next = lower, done = false
        for r in ranges where r.family == family && r.upper >= lower && r.lower <= upper && !done {
            if r.lower > next { out.append(IPRange(family: family, lower: next, upper: r.lower - 1)) }
            if r.upper >= upper { done = true } else { next = max(next, r.upper + 1) }
        }
        if !done { out.append(IPRange(family: family, lower: next, upper: upper)) }
        return out
    }
}
