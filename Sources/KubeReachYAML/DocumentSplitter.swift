/// Splits a YAML stream into documents by their `---` / `...` markers, keeping each
/// document's first line number, so that one malformed document does not hide the others
/// and every reported line is a line of the file.
struct DocumentText {
    var text: String
    /// 0-based line in the file where this document's text starts.
    var lineOffset: Int
}

enum DocumentSplitter {
    static func split(_ text: String) -> [DocumentText] {
        var docs: [DocumentText] = []
        var current: [Substring] = []
        var start = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func flush(next: Int) {
            docs.append(DocumentText(text: current.joined(separator: "\n"), lineOffset: start))
            current = []
            start = next
        }
        for (i, line) in lines.enumerated() {
            if line == "---" || line.hasPrefix("--- ") || line.hasPrefix("---\t") {
                flush(next: i)
                current.append(line)
            } else if line == "..." || line.hasPrefix("... ") {
                flush(next: i + 1)
            } else {
                current.append(line)
            }
        }
        flush(next: lines.count)
        return docs
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
