import KubeReachCore
import KubeReachInput
import KubeReachYAML

/// Reading a live cluster instead of files. The namespaces read: every one with `-A`; else
/// the command's `-n` (or the kubeconfig context's namespace) plus the namespaces that the
/// command's own arguments name, with a warning that cross-namespace answers may be incomplete.
extension InputOptions {
    /// Whether this run reads the cluster: `--live`; or no paths and no `-f` with
    /// `--kubeconfig`, `--context` or `-A` given, or when started as `kubectl reach`.
    func readsLiveCluster(paths: [String]) throws -> Bool {
        let noInput = paths.isEmpty && files.isEmpty
        let clusterFlags = kubeconfig != nil || context != nil || allNamespaces
        if live {
            guard noInput else { throw CLIError.usage("--live reads the cluster: give no manifest paths or -f with it") }
            return true
        }
        if noInput { return clusterFlags || RunContext.current.asKubectlPlugin }
        if clusterFlags {
            throw CLIError.usage(
                "--kubeconfig, --context and -A/--all-namespaces apply to a live cluster: give no manifest paths with them")
        }
        return false
    }

    /// The namespace for bare names: `given`, else for a live read the kubeconfig
    /// context's (as kubectl does), else `default`.
    func defaultNamespace(given: String?, paths: [String]) throws -> String {
        if let given { return given }
        guard try readsLiveCluster(paths: paths) else { return "default" }
        return try liveCall { () throws(LiveClusterError) in try liveCluster().contextNamespace() }
    }

    /// Reads the cluster in the scope the flags choose; `namespace` is the command's `-n`,
    /// `mentioning` the namespaces its arguments name.
    func loadLive(namespace: String?, mentioning: [String]) throws -> LoadResult {
        let cluster = try liveCall { () throws(LiveClusterError) in try liveCluster() }
        let scope: LiveCluster.Scope
        if allNamespaces {
            scope = .allNamespaces
        } else {
            let first = try namespace ?? liveCall { () throws(LiveClusterError) in try cluster.contextNamespace() }
            var list = [first]
            for ns in mentioning where !list.contains(ns) { list.append(ns) }
            scope = .namespaces(list)
            if !quiet {
                CommandIO.current.report(
                    Diagnostic(
                        .warning,
                        "read only namespace\(list.count == 1 ? "" : "s") \(list.joined(separator: ", ")) of the cluster (no -A): "
                            + "policies and pods of other namespaces are not seen, so cross-namespace answers may be incomplete"))
            }
        }
        var progress = Progress(quiet: quiet)
        let snapshot = try liveCall { () throws(LiveClusterError) in try cluster.read(scope) { progress.done($0) } }
        for w in snapshot.warnings where !quiet { CommandIO.current.report(w) }
        for n in snapshot.notes where verbose { CommandIO.current.report(n) }
        return try load(sources: snapshot.sources)
    }

    private func liveCluster() throws(LiveClusterError) -> LiveCluster {
        LiveCluster(kubectl: try Kubectl(kubeconfig: kubeconfig, context: context, environment: RunContext.current.environment))
    }

    /// Wraps the typed error for `Runner`.
    private func liveCall<T>(_ body: () throws(LiveClusterError) -> T) throws -> T {
        do { return try body() } catch { throw CLIError.liveCluster(error) }
    }
}
