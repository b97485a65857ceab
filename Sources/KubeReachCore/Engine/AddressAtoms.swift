/// A partition of each IP family in play into disjoint ranges ("atoms"), cut at every
/// boundary of a given set of ranges, so that each atom lies wholly inside or wholly
/// outside every one of them.
struct AddressAtoms: Sendable {
    /// Sorted by family, then address; together they cover every family in play.
    let atoms: [IPRange]

    init(cutting ranges: [IPRange], families: Set<IPFamily>) {
        var out: [IPRange] = []
        for family in families.sorted() {
            // Start points of atoms: 0 plus every lower bound and every upper+1.
            var starts: Set<UInt128> = [0]
            for r in ranges where r.family == family {
                starts.insert(r.lower)
                if r.upper < family.maxValue { starts.insert(r.upper + 1) }
            }
            let sorted = starts.sorted()
            for (i, s) in sorted.enumerated() {
                let end = i + 1 < sorted.count ? sorted[i + 1] - 1 : family.maxValue
                out.append(IPRange(family: family, lower: s, upper: end))
            }
        }
        atoms = out
    }

    /// The index of the atom holding `address`, nil when its family is not in play.
    /// - Complexity: O(log n).
    func index(of address: IPAddress) -> Int? {
        var lo = 0, hi = atoms.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let a = atoms[mid]
            if (a.family, a.upper) < (address.family, address.value) {
                lo = mid + 1
            } else if (a.family, a.lower) > (address.family, address.value) {
                hi = mid - 1
            } else {
                return mid
            }
        }
        return nil
    }

    /// Indices of the atoms inside `range` (which must be a union of atoms).
    /// - Complexity: O(log n + k).
    func indices(inside range: IPRange) -> Range<Int> {
        var lo = 0, hi = atoms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let a = atoms[mid]
            if (a.family, a.lower) < (range.family, range.lower) { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < atoms.count, atoms[end].family == range.family, atoms[end].upper <= range.upper { end += 1 }
        return lo..<end
    }
}
