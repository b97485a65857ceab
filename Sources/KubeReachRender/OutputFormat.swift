import KubeReachCore

/// The output formats of the connectivity list.
public enum OutputFormat: String, CaseIterable, Sendable {
    case txt, json, csv, md, dot
}

/// Renders connectivity edges in one format. Deterministic: edges are printed in the
/// order given (the core sorts them).
public enum EdgeFormatter {
    /// `nodes`: every node name of the level, so that DOT shows nodes without edges too.
    public static func render(_ edges: [ConnectivityEdge], as format: OutputFormat, nodes: [Endpoint] = []) -> String {
        switch format {
        case .dot: DotEdgeFormatter.render(edges, nodes: nodes)
        case .txt: TextEdgeFormatter.render(edges)
        case .json: JSONEdgeFormatter.render(edges)
        case .csv: CSVEdgeFormatter.render(edges)
        case .md: MarkdownEdgeFormatter.render(edges)
        }
    }
}
