import KubeReachCore

/// RFC 4180 CSV with a header row; fields that could be read as spreadsheet formulas
/// are prefixed with a quote character, control characters shown escaped (`TerminalText`).
enum CSVEdgeFormatter {

    static let header = "src,dst,conn\r\n"

    static func line(_ e: ListedEdge) -> String {
        [e.source, e.destination, e.connections.description].map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        var s = TerminalText.escaped(raw)
        if let first = s.first, "=+-@\t\r".contains(first) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacing("\"", with: "\"\"") + "\""
        }
        return s
    }
}
