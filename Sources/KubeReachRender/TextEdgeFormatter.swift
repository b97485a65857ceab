import KubeReachCore

/// `SRC => DST : CONNS`, one line each, newline-terminated; an empty list is empty text.
enum TextEdgeFormatter {

    static func line(_ e: ListedEdge) -> String {
        "\(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination)) : \(e.connections.description)\n"
    }
}
