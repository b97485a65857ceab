/// Splits a YAML stream into documents by their `---` / `...` markers, keeping each
/// document's first line number, so that one malformed document does not hide the others
/// and every reported line is a line of the file.
struct DocumentText {
    var text: String
    /// 0-based line in the file where this document's text starts.
    var lineOffset: Int
}

enum DocumentSplitter {
    /// - Complexity: O(bytes); works on UTF-8 bytes, not Characters.
    static func split(_ text: String) -> [DocumentText] {
        var docs: [DocumentText] = []
        let bytes = text.utf8
        var docStart = bytes.startIndex, docLine = 0
        var lineStart = bytes.startIndex, line = 0
        // Text before the first `---` (or after a `...`) that holds only comments, blank lines
        // and directives is not a document of its own: it belongs to the next one, as YAML
        // counts documents (so helm's leading `---` does not shift every index by one).
        var pieceIsPreamble = true
        func emit(until end: String.Index, nextStart: String.Index, nextLine: Int) {
            docs.append(DocumentText(text: String(text[docStart..<end]), lineOffset: docLine))
            docStart = nextStart
            docLine = nextLine
        }
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.endIndex
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            let content = bytes[lineStart..<lineEnd]
            if isMarker(content, "---") {
                if !pieceIsPreamble { emit(until: lineStart, nextStart: lineStart, nextLine: line) }
                pieceIsPreamble = false
            } else if isMarker(content, "...") {
                emit(until: lineStart, nextStart: next, nextLine: line + 1)
                pieceIsPreamble = true
            } else if pieceIsPreamble && !isPreambleLine(content) {
                pieceIsPreamble = false
            }
            lineStart = next
            line += 1
        }
        docs.append(DocumentText(text: String(text[docStart...]), lineOffset: docLine))
        return docs
    }

    /// Blank, a comment, or a directive (`%YAML 1.2`).
    private static func isPreambleLine(_ line: Substring.UTF8View) -> Bool {
        guard let first = line.first(where: { $0 != 32 && $0 != 9 }) else { return true }
        return first == UInt8(ascii: "#") || line.first == UInt8(ascii: "%")
    }

    /// `---` or `...` alone or followed by a space or tab.
    private static func isMarker(_ line: Substring.UTF8View, _ marker: String) -> Bool {
        guard line.starts(with: marker.utf8) else { return false }
        let rest = line.dropFirst(3)
        return rest.isEmpty || rest.first == 32 || rest.first == 9
    }

    /// The deepest `[`/`{` nesting (strings not excluded: an over-count needs hundreds of
    /// brackets in one value). Yams builds nodes recursively, so absurd nesting is refused
    /// before parsing instead of exhausting the stack.
    static func flowDepth(_ text: String) -> Int {
        var depth = 0, maxDepth = 0
        for b in text.utf8 {
            if b == 91 || b == 123 {
                depth += 1
                maxDepth = max(maxDepth, depth)
            } else if b == 93 || b == 125 {
                depth = max(0, depth - 1)
            }
        }
        return maxDepth
    }
}
