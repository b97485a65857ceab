import KubeReachCore

/// The output formats of the connectivity list (`list -o`).
public enum ListFormat: String, CaseIterable, Sendable {
    case txt, json, csv, md, dot

    /// Where a person reads (md) external ranges are merged; machine formats keep the
    /// peer-compatible split.
    public var defaultExternals: ExternalsMode { self == .md ? .merged : .split }
}

/// Renders connectivity edges in one format. Deterministic: edges are printed in the
/// order given (the core sorts them).
public enum EdgeFormatter {
    /// The whole text at once: `stream` into one string (one implementation per format).
    /// `nodes`: every node of the level, so that DOT shows nodes without edges too.
    public static func render(
        _ edges: [ConnectivityEdge], as format: ListFormat, nodes: [Endpoint] = [], externals: ExternalsMode = .split
    ) -> String {
        var text = ""
        var out = EdgeStream(chunk: .max) { text += $0 }
        // Writing into a string cannot fail.
        try! stream(edges, as: format, nodes: nodes, externals: externals, to: &out)
        return text
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
