import KubeReachCore

/// How many pods a workload object stands for, and their names, when no loaded Pod stands
/// for it (see Docs/semantics.md, "Replicas").
///
/// Two distinct pods of one workload are an ordinary pair that policies may deny, so the
/// count matters; beyond two, more replicas add no new kind of pair. All of them share one
/// identity in the engine, so the evaluation cost does not grow with the count.
enum WorkloadReplicas {
    /// More replicas than this are modelled as this many pods, with a note: every pair the
    /// extra pods would make is already shown by two of them.
    static let maxModelled = 32
    /// DaemonSets run one pod per node; kubereach does not schedule, so it assumes two nodes.
    static let daemonSetPods = 2

    /// `spec.replicas` (Deployment, ReplicaSet, ReplicationController, StatefulSet),
    /// `spec.parallelism` (Job; CronJob through its job template), two for a DaemonSet.
    /// Missing means 1, as the API server defaults it; 0 (scaled down) is modelled as 1, so
    /// that the workload and its policies stay in every answer.
    static func podCount(_ root: Field, kind: String) -> Int {
        let field: Field
        switch kind {
        case "DaemonSet": return daemonSetPods
        case "Job": field = root.child("spec").child("parallelism")
        case "CronJob": field = root.child("spec").child("jobTemplate").child("spec").child("parallelism")
        default: field = root.child("spec").child("replicas")
        }
        guard let n = field.int() else { return 1 }
        if n < 0 {
            field.sink.error("must not be negative", at: field)
            return 1
        }
        if n > maxModelled {
            field.sink.note(
                "\(n) replicas are modelled as \(maxModelled) pods (they share one identity; more pods would add no new kind of pair)",
                at: field)
            return maxModelled
        }
        return max(n, 1)
    }

    /// The names of the pods: the workload's own name for one pod, else `name-0`,
    /// `name-1`, ... (a StatefulSet's real pod names; for other kinds Kubernetes appends a
    /// random suffix, which kubereach replaces by the ordinal so that output is stable).
    static func podNames(_ name: String, count: Int) -> [String] {
        count <= 1 ? [name] : (0..<count).map { "\(name)-\($0)" }
    }
}
