import ArgumentParser
import KubeReachCore
import KubeReachYAML

/// Input selection, evaluation choices and reporting shared by every command that reads
/// one cluster, in option groups by concern (`--help` shows them under their titles).
struct InputOptions: ParsableArguments {
    @OptionGroup(title: "Input files") var fileOptions: FileOptions
    @OptionGroup(title: "Loading") var loading: LoadingOptions
    @OptionGroup(title: "Live cluster") var cluster: LiveClusterOptions
    @OptionGroup(title: "Evaluation") var evaluation: EvaluationChoices
    @OptionGroup(title: "Diagnostics") var reporting: ReportingOptions

    var files: [String] { fileOptions.files }
    var live: Bool { cluster.live }
    var kubeconfig: String? { cluster.kubeconfig }
    var context: String? { cluster.context }
    var allNamespaces: Bool { cluster.allNamespaces }
    var hostNetwork: HostNetworkPolicy { evaluation.hostNetwork }
    var verbose: Bool { reporting.verbose }
    var quiet: Bool { reporting.quiet }
    var evaluationOptions: EvaluationOptions { evaluation.evaluationOptions }

    /// Loads every path (or the live cluster, see `readsLiveCluster`), prints warnings (and
    /// with -v notes) to stderr, and throws when the input is invalid. `namespace` (the
    /// command's `-n`) and `mentioning` choose what a live read without -A reads.
    func load(paths: [String], namespace: String? = nil, mentioning: [String] = []) throws -> LoadResult {
        if try readsLiveCluster(paths: paths) { return try loadLive(namespace: namespace, mentioning: mentioning) }
        return try reporting.load(paths: paths + files, loading: loading, evaluation: evaluation)
    }

    /// Standard input can be read once: a second `-` would read as an empty input.
    static func readsStandardInputOnce(_ paths: [String]) throws(CLIError) {
        guard paths.filter({ $0 == "-" }).count > 1 else { return }
        throw .usage("'-' (standard input) is given more than once; it can be read only once")
    }

    /// Loads texts already read, with the same options and reporting as `load(paths:)`.
    func load(sources: [ManifestSource]) throws -> LoadResult {
        try reporting.load(sources: sources, loading: loading, evaluation: evaluation)
    }
}
