/// Where rows change between identity columns, for comparing two columns without reading
/// every row: a row holds the same cell at columns `a < b` unless one of its runs starts in
/// `a + 1 ... b`, so only those rows need a look. Identities are numbered by namespace and
/// labels, so the identities of one workload are neighbours and few rows start a run
/// between them.
struct RowBoundaries {
    private let egressRows: [CompactRow]
    private let ingressRows: [CompactRow]
    /// For watched column `c`, the rows starting a run there are `rows[offsets[c] ..< offsets[c + 1]]`:
    /// egress row `r` as `r`, ingress row `r` as `-1 - r`.
    private var offsets: [Int32]
    private var rows: [Int32]

    /// Indexes the run starts at the columns `watched` marks (by identity column).
    /// - Complexity: O(runs of every row).
    init(egressRows: [CompactRow], ingressRows: [CompactRow], watched: [Bool]) {
        self.egressRows = egressRows
        self.ingressRows = ingressRows
        var counts = [Int32](repeating: 0, count: watched.count + 1)
        Self.forEachStart(egressRows, ingressRows, watched) { column, _ in counts[column + 1] += 1 }
        for c in counts.indices.dropFirst() { counts[c] += counts[c - 1] }
        offsets = counts
        var fill = counts
        var rows = [Int32](repeating: 0, count: Int(counts[watched.count]))
        Self.forEachStart(egressRows, ingressRows, watched) { column, row in
            rows[Int(fill[column])] = row
            fill[column] += 1
        }
        self.rows = rows
    }

    /// Whether every row holds the same cell at identity columns `a` and `b`, where every
    /// column of `min(a, b) + 1 ... max(a, b)` is watched.
    /// - Complexity: O(run starts between the columns × log runs).
    func sameCells(_ a: Int, _ b: Int) -> Bool {
        let lo = min(a, b), hi = max(a, b)
        guard lo < hi else { return true }
        for e in Int(offsets[lo + 1])..<Int(offsets[hi + 1]) {
            let r = rows[e]
            let row = r >= 0 ? egressRows[Int(r)] : ingressRows[Int(-1 - r)]
            if row[lo] != row[hi] { return false }
        }
        return true
    }

    /// Calls `body` with (column, row reference) for every run start at a watched column.
    private static func forEachStart(
        _ egress: [CompactRow], _ ingress: [CompactRow], _ watched: [Bool], _ body: (Int, Int32) -> Void
    ) {
        for (rows, reference) in [(egress, { (r: Int) in Int32(r) }), (ingress, { (r: Int) in Int32(-1 - r) })] {
            for (r, row) in rows.enumerated() {
                for k in 1..<max(1, row.runCount) {
                    let column = Int(row.starts[k])
                    if column >= watched.count { break }
                    if watched[column] { body(column, reference(r)) }
                }
            }
        }
    }
}
