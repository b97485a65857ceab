/// Every ingress row's cell at one source column, moved along a range of consecutive
/// columns. The matrix sweep reads, for one source, the cell of every destination's
/// ingress row; a row's cell changes only where one of its runs starts, so moving to the
/// next column costs the runs that start there, not one lookup per row.
struct IngressColumn {
    /// Per ingress row, its cell at `column`.
    private(set) var cells: [UInt32]
    private(set) var column: Int
    let range: Range<Int>
    /// The runs starting inside the range, grouped by column: for column `range.lowerBound + k`,
    /// `changedRows[e]` takes `changedValues[e]` for e in `offsets[k]..<offsets[k + 1]`.
    private var offsets: [Int32]
    private var changedRows: [Int32] = []
    private var changedValues: [UInt32] = []

    /// - Complexity: O(rows × log runs) plus the runs starting inside `range`.
    init(rows: [CompactRow], range: Range<Int>) {
        self.range = range
        column = range.lowerBound
        var cells = [UInt32](repeating: 0, count: rows.count)
        var counts = [Int32](repeating: 0, count: range.count + 1)
        var firstChange = [Int](repeating: 0, count: rows.count)
        for (r, row) in rows.enumerated() {
            let holding = row.run(holding: range.lowerBound)
            cells[r] = row.values[holding]
            var k = holding + 1
            firstChange[r] = k
            while k < row.runCount, Int(row.starts[k]) < range.upperBound {
                counts[Int(row.starts[k]) - range.lowerBound + 1] += 1
                k += 1
            }
        }
        self.cells = cells
        for k in counts.indices.dropFirst() { counts[k] += counts[k - 1] }
        offsets = counts
        var fill = counts
        changedRows = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        changedValues = [UInt32](repeating: 0, count: changedRows.count)
        for (r, row) in rows.enumerated() {
            var k = firstChange[r]
            while k < row.runCount, Int(row.starts[k]) < range.upperBound {
                let slot = Int(row.starts[k]) - range.lowerBound
                changedRows[Int(fill[slot])] = Int32(r)
                changedValues[Int(fill[slot])] = row.values[k]
                fill[slot] += 1
                k += 1
            }
        }
    }

    /// Moves to the next column of the range.
    mutating func advance() {
        column += 1
        let k = column - range.lowerBound
        for e in Int(offsets[k])..<Int(offsets[k + 1]) { cells[Int(changedRows[e])] = changedValues[e] }
    }
}
