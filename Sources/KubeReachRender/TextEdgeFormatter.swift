import KubeReachCore

/// `SRC => DST : CONNS`, one line each, newline-terminated; an empty list is empty text.
enum TextEdgeFormatter {
    static func render(_ edges: [ConnectivityEdge]) -> String {
        var out = ""
        for e in edges { out += "\(e.source) => \(e.destination) : \(e.connections.description)\n" }
        return out
    }
}
