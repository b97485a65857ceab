import KubeReachCore
import KubeReachRender

extension ReportCommand {
    /// The explanation text (as `kubereach explain` prints it) of each workload pair, through
    /// a representative pod of each workload (the consistency check guarantees it stands for
    /// all) or the first address of an external range. Explaining is per pair and slower than
    /// the matrix, hence `--max-explained`.
    static func explanations(for edges: ArraySlice<ConnectivityEdge>, reach: Reachability) -> [String?] {
        let explainer = Explainer(cluster: reach.cluster, options: reach.options)
        var podOf: [String: Int] = [:]
        for i in reach.cluster.pods.indices {
            let name = reach.nodeName(ofPod: i, level: .workload)
            if podOf[name] == nil { podOf[name] = i }
        }
        var ranges: [String: IPRange] = [:]
        for r in reach.externalSources + reach.externalDestinations where ranges[r.externalName] == nil { ranges[r.externalName] = r }
        func endpoint(_ name: String) -> Explainer.Endpoint? {
            if let i = podOf[name] { return .pod(i) }
            return ranges[name].map { .external($0.first) }
        }
        return edges.map { e in
            guard var s = endpoint(e.source), let d = endpoint(e.destination) else { return nil }
            // A workload to itself (two replicas): pick another pod of it as the source.
            if case .pod(let a) = s, case .pod(let b) = d, a == b,
                let other = reach.cluster.pods.indices.first(where: { $0 != a && reach.nodeName(ofPod: $0, level: .workload) == e.source })
            {
                s = .pod(other)
            }
            let x = explainer.explain(s, d, sourceName: e.source, destinationName: e.destination)
            return ExplanationFormatter.text(x, verdict: x.allowed.isEmpty ? "denied" : "allowed")
        }
    }
}
