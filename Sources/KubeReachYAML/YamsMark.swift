import Yams

/// Yams has no public initializer for `Mark` (only its parser makes them), but the JSON
/// fast path must locate its nodes exactly as libyaml would. `Mark` is two `Int`s (line,
/// column); the layout is checked once, and where it differs the fast path stays off.
enum YamsMark {
    /// Whether marks can be made here (checked by a round trip, once).
    static let available: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = unsafeBitCast((7, 3), to: Mark.self)
        return probe.line == 7 && probe.column == 3
    }()

    /// A mark at a 1-based line and column; only call when `available`.
    static func make(line: Int, column: Int) -> Mark { unsafeBitCast((line, column), to: Mark.self) }
}
