extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns (Core has no Foundation).
    public func trimmingWhitespace() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\r" }
        // Only the ends are looked at (a reversed copy of the text cost most of reading a flow file).
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
