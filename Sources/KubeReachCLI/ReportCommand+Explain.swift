import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

extension ReportCommand {
    /// The explanation text (as `kubereach explain` prints it) of each workload pair, through
    /// a representative pod of each workload (the consistency check guarantees it stands for
    /// all) or the first address of an external range. Explaining is per pair and slower than
    /// the matrix, hence `--max-explained`.
    /// A merged line is explained range by range (the first `perLine`; they allow the same
    /// connections, but possibly through different rules).
    static func explanations(
        for lines: ArraySlice<ListedEdge>, reach: Reachability, level: AggregationLevel = .workload, perLine: Int = 4
    ) -> [String?] {
        let explainer = PairExplainer(reach, level: level)
        return lines.map { line in
            let texts = line.members.prefix(perLine).compactMap { e in
                explainer.explain(e).map { ExplanationFormatter.text($0, verdict: $0.allowed.isEmpty ? "denied" : "allowed") }
            }
            guard !texts.isEmpty else { return nil }
            let more =
                line.members.count > perLine
                ? ["(and \(line.members.count - perLine) more ranges on this line: kubereach explain takes one address at a time)"] : []
            return (texts + more).joined(separator: "\n")
        }
    }
}
