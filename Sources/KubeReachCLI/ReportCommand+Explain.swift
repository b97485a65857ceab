import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

extension ReportCommand {
    /// The explanation text (as `kubereach explain` prints it) of each workload pair, through
    /// a representative pod of each workload (the consistency check guarantees it stands for
    /// all) or the first address of an external range. Explaining is per pair and slower than
    /// the matrix, hence `--max-explained`.
    static func explanations(for edges: ArraySlice<ConnectivityEdge>, reach: Reachability) -> [String?] {
        let explainer = PairExplainer(reach, level: .workload)
        return edges.map { e in
            explainer.explain(e).map { ExplanationFormatter.text($0, verdict: $0.allowed.isEmpty ? "denied" : "allowed") }
        }
    }
}
