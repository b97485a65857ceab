import ArgumentParser
import KubeReachCore
import KubeReachYAML

extension HostNetworkPolicy: ExpressibleByArgument {}

/// `-f`: manifest files and directories besides the positional paths.
struct FileOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("filename")], help: "A manifest file or directory (repeatable); '-' reads stdin.")
    var files: [String] = []
}

/// Reading a running cluster through kubectl instead of files.
struct LiveClusterOptions: ParsableArguments {
    @Flag(name: .customLong("live"), help: "Read the live cluster through kubectl (the default with no paths and --kubeconfig, --context or -A).")
    var live = false

    @Option(name: .customLong("kubeconfig"), help: "Live cluster: the kubeconfig file kubectl uses.")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "Live cluster: the kubeconfig context.")
    var context: String?

    @Flag(
        name: [.customShort("A"), .customLong("all-namespaces")],
        help: "Live cluster: read every namespace. Without it only one namespace (-n, else the context's) is read, so cross-namespace answers may be incomplete.")
    var allNamespaces = false
}

/// The choices Kubernetes leaves to the network plugin, and what-if switches.
struct EvaluationChoices: ParsableArguments {
    @Option(
        name: .customLong("ipblock-matches-pods"),
        help: "Whether ipBlocks also match pods whose IP is inside them (true|false).")
    var ipBlockMatchesPods: Bool = true

    @Option(
        name: .customLong("host-network-policy"),
        help: "hostNetwork pods: 'bypass' (never isolated, the default) or 'apply' (isolated like other pods).")
    var hostNetwork: HostNetworkPolicy = .bypass

    @Flag(name: .customLong("assume-default-deny"), help: "Simulate a deny-all policy in every namespace on top of the loaded ones.")
    var assumeDefaultDeny = false

    var evaluationOptions: EvaluationOptions { EvaluationOptions(ipBlockMatchesPods: ipBlockMatchesPods, hostNetwork: hostNetwork) }
}

/// How invalid input is handled and what goes to stderr.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .customLong("keep-going"), help: "Skip invalid objects (listed on stderr) instead of stopping.")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "List skipped kinds and other notes on stderr.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no warnings and no progress.")
    var quiet = false

    /// Loads texts already read (files, or blobs from git named `git:REV:path`), prints
    /// warnings (and with -v notes) through the one diagnostic path, and throws when the
    /// input is invalid.
    func load(sources: [ManifestSource], evaluation: EvaluationChoices) throws -> LoadResult {
        let io = CommandIO.current
        var result: LoadResult
        do {
            result = try ManifestLoader.load(sources, options: LoadOptions(keepGoing: keepGoing))
        } catch {
            throw CLIError.invalidInput(error.diagnostics)
        }
        if evaluation.assumeDefaultDeny { result.cluster = result.cluster.addingDefaultDeny() }
        for d in result.diagnostics where d.severity == .error || (d.severity == .warning && !quiet) || verbose {
            io.report(d)
        }
        if !result.skippedObjects.isEmpty && !quiet {
            io.report(Diagnostic(.warning, "skipped \(result.skippedObjects.count) invalid object(s): " + result.skippedObjects.joined(separator: "; ")))
        }
        if verbose {
            for (kind, n) in result.skippedKinds.sorted(by: { $0.key < $1.key }) {
                io.report(Diagnostic(.note, "skipped \(n) object(s) of kind \(kind) (not used by the evaluation)"))
            }
        }
        return result
    }

    /// Paths on disk (`-` is stdin, read once).
    func load(paths: [String], evaluation: EvaluationChoices) throws -> LoadResult {
        guard !paths.isEmpty else { throw CLIError.usage("no input: give manifest paths, -f PATH, - for stdin, or --live to read the cluster") }
        try InputOptions.readsStandardInputOnce(paths)
        let sources: [ManifestSource]
        do { sources = try ManifestFiles.collect(paths) } catch { throw CLIError.invalidInput(error.diagnostics) }
        return try load(sources: sources, evaluation: evaluation)
    }
}

/// The inputs of `diff`: two sides given as arguments (paths or git revisions), never a
/// live cluster and never `-f`, so neither is offered.
struct SideInputOptions: ParsableArguments {
    @OptionGroup(title: "Evaluation") var evaluation: EvaluationChoices
    @OptionGroup(title: "Diagnostics") var reporting: ReportingOptions

    var evaluationOptions: EvaluationOptions { evaluation.evaluationOptions }
    var quiet: Bool { reporting.quiet }

    func load(paths: [String]) throws -> LoadResult { try reporting.load(paths: paths, evaluation: evaluation) }
    func load(sources: [ManifestSource]) throws -> LoadResult { try reporting.load(sources: sources, evaluation: evaluation) }
}
