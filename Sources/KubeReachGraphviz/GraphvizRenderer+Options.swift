extension GraphvizRenderer {
    /// The layout engines kubereach offers: `dot` (layered, clusters drawn) for small
    /// diagrams, `sfdp` and `neato` (force-directed) past a few hundred nodes.
    public enum Layout: String, CaseIterable, Sendable {
        case dot, sfdp, neato
    }

    /// The output formats Graphviz renders in process.
    public enum Format: String, CaseIterable, Sendable {
        case svg, png
    }
}
