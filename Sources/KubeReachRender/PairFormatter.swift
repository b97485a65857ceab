import KubeReachCore

/// Pairs without their connection sets (`list --focus-conn`): the set is the one asked about
/// (`focused`, which DOT prints on every edge).
public enum PairFormatter {
    public static func render(_ edges: [ConnectivityEdge], as format: ListFormat, title: String, focused: ConnectionSet) -> String {
        switch format {
        case .txt:
            return edges.reduce(title + "\n") { $0 + "\(TerminalText.escaped($1.source)) => \(TerminalText.escaped($1.destination))\n" }
        case .json:
            return JSONOutput.encode(PairListDocument(edges, connection: focused))
        case .csv:
            return edges.reduce("src,dst\r\n") {
                $0 + CSVEdgeFormatter.field($1.source.description) + "," + CSVEdgeFormatter.field($1.destination.description) + "\r\n"
            }
        case .dot:
            let relabelled = edges.map { ConnectivityEdge(source: $0.source, destination: $0.destination, connections: focused) }
            return DotEdgeFormatter.render(relabelled, nodes: [])
        case .md:
            return edges.reduce("\(title)\n\n| Source | Destination |\n|---|---|\n") {
                $0
                    + "| \(MarkdownEdgeFormatter.cell($1.source.description)) | \(MarkdownEdgeFormatter.cell($1.destination.description)) |\n"
            }
        }
    }
}
