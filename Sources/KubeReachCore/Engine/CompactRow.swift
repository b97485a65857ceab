/// One reachability row stored as runs of equal cells: run k covers the columns from
/// `starts[k]` up to the next run's start (the last run to the row's end) and holds
/// `values[k]`, an interned `ConnectionTable` id. Policies select peers by namespace and
/// label, so a row is a few runs where a dense row is one cell per identity and address
/// range: memory follows what the rules distinguish, not identities × columns.
///
/// Invariants: `starts[0] == 0`, starts strictly increase, neighbouring values differ.
struct CompactRow: Sendable, Hashable {
    private(set) var starts: [UInt32]
    private(set) var values: [UInt32]

    /// A row holding `value` in every column.
    init(filled value: UInt32) {
        starts = [0]
        values = [value]
    }

    /// The runs of a dense row.
    init(dense: [UInt32]) {
        self.init(filled: dense.first ?? ConnectionTable.none)
        for (column, value) in dense.enumerated().dropFirst() { append(UInt32(column), value) }
    }

    /// `value` on the members of `peers`, `outside` elsewhere.
    init<S: Sequence<Int>>(members peers: S, value: UInt32, outside: UInt32 = ConnectionTable.none) {
        var builder = Builder(outside)
        for column in peers { builder.set(column, value) }
        self = builder.row
    }

    var runCount: Int { starts.count }

    /// The cell at `column`.
    /// - Complexity: O(log runs).
    subscript(column: Int) -> UInt32 { values[run(holding: column)] }

    /// The index of the run holding `column`.
    func run(holding column: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        let c = UInt32(column)
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= c { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Calls `body` with each run's part inside `columns`, in column order.
    func forEachRun(in columns: Range<Int>, _ body: (Range<Int>, UInt32) -> Void) {
        guard !columns.isEmpty else { return }
        var k = run(holding: columns.lowerBound)
        var start = columns.lowerBound
        while start < columns.upperBound {
            let end = k + 1 < starts.count ? min(Int(starts[k + 1]), columns.upperBound) : columns.upperBound
            body(start..<end, values[k])
            start = end
            k += 1
        }
    }

    /// The row whose cell is `combine(self[c], other[c])` at every column.
    /// - Complexity: O(runs of both).
    func merged(with other: CompactRow, _ combine: (UInt32, UInt32) -> UInt32) -> CompactRow {
        var out = CompactRow(filled: combine(values[0], other.values[0]))
        var i = 0, j = 0
        while true {
            let nextA = i + 1 < starts.count ? starts[i + 1] : UInt32.max
            let nextB = j + 1 < other.starts.count ? other.starts[j + 1] : UInt32.max
            let next = min(nextA, nextB)
            if next == UInt32.max { break }
            if nextA == next { i += 1 }
            if nextB == next { j += 1 }
            out.append(next, combine(values[i], other.values[j]))
        }
        return out
    }

    /// The same row with every value replaced by `transform(value)`.
    func mapValues(_ transform: (UInt32) -> UInt32) -> CompactRow {
        var out = CompactRow(filled: transform(values[0]))
        for k in 1..<starts.count { out.append(starts[k], transform(values[k])) }
        return out
    }

    /// Starts a run at `start` (beyond every start so far) unless it holds the last run's value.
    mutating func append(_ start: UInt32, _ value: UInt32) {
        if values[values.count - 1] != value {
            starts.append(start)
            values.append(value)
        }
    }

    /// Builds a row from cells set in increasing column order; unset columns hold `fill`.
    struct Builder {
        private var built: CompactRow
        private let fill: UInt32
        private var next = 0

        init(_ fill: UInt32 = ConnectionTable.none) {
            self.fill = fill
            built = CompactRow(filled: fill)
        }

        /// Sets `column` (greater than every column set before) to `value`.
        mutating func set(_ column: Int, _ value: UInt32) {
            if column > next { built.append(UInt32(next), fill) }
            if column == 0 { built = CompactRow(filled: value) } else { built.append(UInt32(column), value) }
            next = column + 1
        }

        /// The row: the cells set, `fill` after the last.
        var row: CompactRow {
            var out = built
            if next > 0 { out.append(UInt32(next), fill) }
            return out
        }
    }
}
