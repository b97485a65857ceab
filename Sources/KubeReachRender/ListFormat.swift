import KubeReachCore

/// The output formats of the connectivity list (`list -o`).
public enum ListFormat: String, CaseIterable, Sendable {
    case txt, json, csv, md, dot
}

/// Renders connectivity edges in one format. Deterministic: edges are printed in the
/// order given (the core sorts them).
public enum EdgeFormatter {
    /// `nodes`: every node name of the level, so that DOT shows nodes without edges too.
    public static func render(_ edges: [ConnectivityEdge], as format: ListFormat, nodes: [Endpoint] = []) -> String {
        switch format {
        case .dot: DotEdgeFormatter.render(edges, nodes: nodes)
        case .txt: TextEdgeFormatter.render(edges)
        case .json: JSONEdgeFormatter.render(edges)
        case .csv: CSVEdgeFormatter.render(edges)
        case .md: MarkdownEdgeFormatter.render(edges)
        }
    }
}

/// The formats of the one-pair answers (`eval -o`, `explain -o`).
public enum PairFormat: String, CaseIterable, Sendable {
    case txt, json
}

/// The formats of the graph analyses (`paths`, `blast-radius`, `exposure`).
public enum GraphFormat: String, CaseIterable, Sendable {
    case txt, json, md
}
