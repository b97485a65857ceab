/// Per identity column, the rows (egress and ingress) with a run starting there. Two
/// identities' cells differ in a row only if one of its runs starts between their columns,
/// so comparing two identities as peers in every row reads only those rows, not all of them
/// (`Reachability.workloadConflicts` compares the identities of each workload this way).
struct RunStarts {
    /// For column c, `rows[offsets[c]..<offsets[c + 1]]`: egress row r as r, ingress row r as
    /// (egress rows) + r.
    private let offsets: [Int32]
    private let rows: [Int32]

    /// - Complexity: O(runs starting at identity columns).
    init(_ reach: Reachability) {
        let columns = reach.identities.count
        let all = reach.egressRows + reach.ingressRows
        var counts = [Int32](repeating: 0, count: columns + 1)
        for row in all {
            for k in 1..<row.runCount where Int(row.starts[k]) < columns { counts[Int(row.starts[k]) + 1] += 1 }
        }
        for c in counts.indices.dropFirst() { counts[c] += counts[c - 1] }
        var fill = counts
        var rows = [Int32](repeating: 0, count: Int(counts[columns]))
        for (r, row) in all.enumerated() {
            for k in 1..<row.runCount where Int(row.starts[k]) < columns {
                rows[Int(fill[Int(row.starts[k])])] = Int32(r)
                fill[Int(row.starts[k])] += 1
            }
        }
        offsets = counts
        self.rows = rows
    }

    /// Whether every row of `reach` holds the same cell at identity columns `a` and `b`.
    /// - Complexity: O(runs starting between the two columns × log runs).
    func agree(_ a: Int, _ b: Int, in reach: Reachability) -> Bool {
        let lo = min(a, b), hi = max(a, b)
        guard lo < hi else { return true }
        let egress = reach.egressRows.count
        for e in Int(offsets[lo + 1])..<Int(offsets[hi + 1]) {
            let r = Int(rows[e])
            let row = r < egress ? reach.egressRows[r] : reach.ingressRows[r - egress]
            if row[lo] != row[hi] { return false }
        }
        return true
    }
}
