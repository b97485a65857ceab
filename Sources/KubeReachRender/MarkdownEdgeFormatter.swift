import KubeReachCore

/// A GitHub-flavoured Markdown table; names are shown as code and pipes escaped so
/// that no name can break the table.
enum MarkdownEdgeFormatter {

    static let header = "| Source | Destination | Connections |\n|---|---|---|\n"

    static func line(_ e: ListedEdge) -> String {
        "| \(cell(e.source)) | \(cell(e.destination)) | \(cell(e.connections.description)) |\n"
    }

    static func cell(_ s: String) -> String {
        var out = ""
        for c in TerminalText.escaped(s) {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "`": out += "'"
            default: out.append(c)
            }
        }
        return "`" + out + "`"
    }
}
