import KubeReachCore

extension InputOptions {
    /// The evaluation of a loaded cluster. With `splitting` (wherever workloads are shown),
    /// every workload whose pods the policies treat differently is split into its pod
    /// variants (`Reachability.splitWorkloadVariants`), with a note each on stderr unless
    /// --quiet. The check costs seconds on large clusters: pod and namespace levels skip it.
    func reachability(_ cluster: Cluster, options: EvaluationOptions? = nil, splitting: Bool = true) -> Reachability {
        var reach = Reachability(cluster: cluster, options: options ?? evaluationOptions)
        if splitting { report(reach.splitWorkloadVariants()) }
        return reach
    }

    /// Where `internet` is drawn or searched (paths, exposure, render, report) without pod or
    /// service CIDRs, says once what it then includes.
    func noteInternetScope(_ reach: Reachability) {
        guard reach.clusterNetworks.isEmpty else { return }
        report([Self.internetScopeNote])
    }

    static let internetScopeNote = Diagnostic(
        .note,
        "\"internet\" stands for every address not assigned to a loaded pod, cluster addresses included; "
            + "--pod-cidr and --service-cidr (or Nodes with spec.podCIDRs) tell them apart")

    /// Diagnostics on stderr: errors always, the rest unless --quiet.
    func report(_ diagnostics: [Diagnostic]) { reporting.report(diagnostics) }
}
