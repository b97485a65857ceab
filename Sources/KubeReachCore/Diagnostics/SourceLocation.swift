/// Where something came from: file, 0-based document index within the file, and the
/// 1-based line and column when the parser reported them.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var documentIndex: Int
    public var line: Int?
    public var column: Int?

    public init(file: String, documentIndex: Int = 0, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.documentIndex = documentIndex
        self.line = line
        self.column = column
    }

    public static func < (l: Self, r: Self) -> Bool {
        (l.file, l.documentIndex, l.line ?? 0, l.column ?? 0) < (r.file, r.documentIndex, r.line ?? 0, r.column ?? 0)
    }

    /// `file:line:col` (or `file` with the document index when no line is known). A file
    /// name's control characters are shown escaped: a name may hold a newline.
    public var description: String {
        let file = TerminalText.escaped(file)
        if let line {
            return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        }
        return "\(file) (document \(documentIndex))"
    }
}
