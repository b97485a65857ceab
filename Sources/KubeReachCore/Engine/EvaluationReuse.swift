/// The old side's evaluation kept between the diffs of one `diff --watch`: while the old
/// cluster (locations included) and the options (the changed policies' cuts included) stay
/// the same, the next incremental diff takes it instead of evaluating OLD again. One watch,
/// one instance, used from one thread.
public final class EvaluationReuse {
    private var kept: (cluster: Cluster, options: EvaluationOptions, evaluation: Reachability)?
    /// Evaluations served without being built again.
    public private(set) var reused = 0

    public init() {}

    /// `Reachability(cluster:options:)`, or the one kept when both are the same as last time.
    func evaluation(of cluster: Cluster, options: EvaluationOptions) -> Reachability {
        if let kept, kept.options == options, kept.cluster == cluster {
            reused += 1
            return kept.evaluation
        }
        let evaluation = Reachability(cluster: cluster, options: options)
        kept = (cluster, options, evaluation)
        return evaluation
    }
}
