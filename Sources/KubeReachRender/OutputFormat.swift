import KubeReachCore

/// The output formats of the connectivity list.
public enum OutputFormat: String, CaseIterable, Sendable {
    case txt, json, csv, md
}

/// Renders connectivity edges in one format. Deterministic: edges are printed in the
/// order given (the core sorts them).
public enum EdgeFormatter {
    public static func render(_ edges: [ConnectivityEdge], as format: OutputFormat) -> String {
        switch format {
        case .txt: TextEdgeFormatter.render(edges)
        case .json: JSONEdgeFormatter.render(edges)
        case .csv: CSVEdgeFormatter.render(edges)
        case .md: MarkdownEdgeFormatter.render(edges)
        }
    }
}
