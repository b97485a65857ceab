import ArgumentParser
import KubeReachCore
import KubeReachYAML

extension HostNetworkPolicy: ExpressibleByArgument {}

/// Input selection and evaluation choices shared by every command.
struct InputOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("filename")], help: "A manifest file or directory (repeatable); '-' reads stdin.")
    var files: [String] = []

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

    @Flag(name: .customLong("keep-going"), help: "Skip invalid objects (listed on stderr) instead of stopping.")
    var keepGoing = false

    @Flag(name: .shortAndLong, help: "List skipped kinds and other notes on stderr.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no warnings and no progress.")
    var quiet = false

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

    var evaluationOptions: EvaluationOptions { EvaluationOptions(ipBlockMatchesPods: ipBlockMatchesPods, hostNetwork: hostNetwork) }

    /// Loads every path (or the live cluster, see `readsLiveCluster`), prints warnings (and
    /// with -v notes) to stderr, and throws when the input is invalid. `namespace` (the
    /// command's `-n`) and `mentioning` choose what a live read without -A reads.
    func load(paths: [String], namespace: String? = nil, mentioning: [String] = []) throws -> LoadResult {
        if try readsLiveCluster(paths: paths) { return try loadLive(namespace: namespace, mentioning: mentioning) }
        let all = paths + files
        guard !all.isEmpty else { throw CLIError.usage("no input: give manifest paths, -f PATH, - for stdin, or --live to read the cluster") }
        try Self.readsStandardInputOnce(all)
        let sources: [ManifestSource]
        do { sources = try ManifestFiles.collect(all) } catch { throw CLIError.invalidInput(error.diagnostics) }
        return try load(sources: sources)
    }

    /// Standard input can be read once: a second `-` would read as an empty input.
    static func readsStandardInputOnce(_ paths: [String]) throws(CLIError) {
        guard paths.filter({ $0 == "-" }).count > 1 else { return }
        throw .usage("'-' (standard input) is given more than once; it can be read only once")
    }

    /// Loads texts already read (files, or blobs from git named `git:REV:path`), with the
    /// same options and reporting as `load(paths:)`.
    func load(sources: [ManifestSource]) throws -> LoadResult {
        let io = CommandIO.current
        var result: LoadResult
        do {
            result = try ManifestLoader.load(sources, options: LoadOptions(keepGoing: keepGoing))
        } catch {
            throw CLIError.invalidInput(error.diagnostics)
        }
        if assumeDefaultDeny { result.cluster = result.cluster.addingDefaultDeny() }
        for d in result.diagnostics {
            if d.severity == .error || (d.severity == .warning && !quiet) || verbose {
                io.report(d)
            }
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
}
