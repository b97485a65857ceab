extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns (Core has no Foundation).
    public func trimmingWhitespace() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
