import KubeReachCore

/// Short names for a set of external ranges: `internet` for all of IPv4, `internet except
/// 10.0.0.0/8` when little is missing, else CIDRs (or `a - b` for ranges that are not).
enum ExternalRangeLabel {
    static func lines(_ ranges: [IPRange], limit: Int = 6) -> [String] {
        var lines: [String] = []
        for family in IPFamily.allCases {
            let merged = IPRange.coalesced(ranges.filter { $0.family == family })
            if merged.isEmpty { continue }
            let everything = IPRange.everything(family)
            let internet = family == .v4 ? "internet" : "internet (IPv6)"
            if merged == [everything] {
                lines.append(internet)
                continue
            }
            let missing = everything.subtracting(merged).flatMap(Self.cidrs)
            let present = merged.flatMap(Self.cidrs)
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
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit - 1)) + ["… and \(lines.count - limit + 1) more"]
    }

    /// The fewest CIDR blocks covering exactly one range, as text.
    static func cidrs(_ r: IPRange) -> [String] { r.cidrs.map(\.description) }
}
