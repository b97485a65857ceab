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
    @Flag(
        name: .customLong("live"),
        help: "Read the live cluster through kubectl (the default with no paths and --kubeconfig, --context or -A).")
    var live = false

    @Option(name: .customLong("kubeconfig"), help: "Live cluster: the kubeconfig file kubectl uses.")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "Live cluster: the kubeconfig context.")
    var context: String?

    @Flag(
        name: [.customShort("A"), .customLong("all-namespaces")],
        help:
            "Live cluster: read every namespace. Without it only one namespace (-n, else the context's) is read, so cross-namespace answers may be incomplete."
    )
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

    @Option(
        name: .customLong("pod-cidr"),
        help: "A CIDR the cluster assigns pod addresses from (repeatable, IPv4 or IPv6): not internet. Nodes' spec.podCIDRs are read too.")
    var podCIDRs: [String] = []

    @Option(
        name: .customLong("service-cidr"),
        help: "A CIDR the cluster assigns Service ClusterIPs from (repeatable, IPv4 or IPv6): not internet.")
    var serviceCIDRs: [String] = []

    @Option(
        name: .customLong("cilium-enforcement"),
        help: "Cilium's policy enforcement mode: default, always or never (overrides enable-policy of the cilium-config ConfigMap).")
    var ciliumEnforcement: CiliumEnforcement?

    @Option(
        name: .customLong("apiserver-cidr"),
        help:
            "A range holding the Kubernetes API server (repeatable): Cilium's kube-apiserver entity, beside the default/kubernetes endpoints."
    )
    var apiServerCIDRs: [String] = []

    @Flag(
        name: .customLong("staged"),
        help: "Evaluate Calico StagedNetworkPolicy/StagedGlobalNetworkPolicy objects as if enforced (else they are left out).")
    var calicoStaged = false

    /// The Cilium facts given on the command line, applied over those of the input.
    func applyCilium(to cluster: inout Cluster) {
        if let ciliumEnforcement { cluster.cilium.enforcement = ciliumEnforcement }
        cluster.cilium.apiServerCIDRs += apiServerCIDRs.compactMap { try? CIDR.parse($0) }
    }

    var evaluationOptions: EvaluationOptions {
        var options = EvaluationOptions(ipBlockMatchesPods: ipBlockMatchesPods, hostNetwork: hostNetwork)
        options.clusterNetworks = ClusterNetworks(
            podCIDRs: podCIDRs.compactMap { try? CIDR.parse($0) }, serviceCIDRs: serviceCIDRs.compactMap { try? CIDR.parse($0) })
        options.calicoStaged = calicoStaged
        return options
    }

    func validate() throws {
        for (option, values) in [("--pod-cidr", podCIDRs), ("--service-cidr", serviceCIDRs), ("--apiserver-cidr", apiServerCIDRs)] {
            for text in values {
                do { _ = try CIDR.parse(text) } catch { throw ValidationError("\(option) '\(text)': not a CIDR (\(error))") }
            }
        }
    }
}

/// How input is read: invalid objects, duplicates, objects without a namespace.
struct LoadingOptions: ParsableArguments {
    @Flag(name: .customLong("keep-going"), help: "Skip invalid objects (listed on stderr) instead of stopping.")
    var keepGoing = false

    @Flag(
        name: .customLong("strict"),
        help:
            "Refuse an object defined twice. Without it identical definitions merge and a different later one replaces the earlier (with a warning), as kubectl apply does."
    )
    var strict = false

    @Option(
        name: .customLong("default-namespace"),
        help: "The namespace of objects without metadata.namespace (as 'kubectl apply -n NS'; default: default).")
    var defaultNamespace: String?

    /// The loader's options; a `--default-namespace` that is no namespace name is refused.
    func validate() throws {
        if let ns = defaultNamespace, let why = LabelValidation.problem(inDNSLabel: ns) {
            throw ValidationError("--default-namespace '\(ns)': \(why)")
        }
        if maxErrors < 0 { throw ValidationError("--max-errors \(maxErrors): give 0 (print all) or more") }
    }

    @Option(
        name: .customLong("max-errors"),
        help: "Print at most N diagnostics of one kind, then one line counting the rest (0: print all; default 50).")
    var maxErrors = DiagnosticVolume.defaultLimit

    var options: LoadOptions {
        var options = LoadOptions(keepGoing: keepGoing, strict: strict, defaultNamespace: defaultNamespace ?? "default")
        // Benchmarks compare the readers: KUBEREACH_JSON_FAST_PATH=0 reads JSON as YAML.
        options.jsonFastPath = RunContext.current.environment["KUBEREACH_JSON_FAST_PATH"] != "0"
        return options
    }

    /// `diagnostics` as printed: at most `--max-errors` of one kind.
    func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] { DiagnosticVolume.limited(diagnostics, to: maxErrors) }
}

/// What goes to stderr, and the one loading routine every command shares.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "List skipped kinds and other notes on stderr.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no warnings and no progress.")
    var quiet = false

    /// Loads texts already read (files, or blobs from git named `git:REV:path`), prints
    /// warnings (and with -v notes) through the one diagnostic path, and throws when the
    /// input is invalid. `unreadable` are the errors of paths skipped with --keep-going.
    /// `cache`: documents an earlier load read, reused for identical sources (`diff`).
    func load(
        sources: [ManifestSource], unreadable: [Diagnostic] = [], loading: LoadingOptions, evaluation: EvaluationChoices,
        cache: DocumentCache? = nil
    ) throws -> LoadResult {
        let io = CommandIO.current
        var result: LoadResult
        var options = loading.options
        options.cache = cache
        do {
            result = try ManifestLoader.load(sources, options: options)
        } catch {
            throw CLIError.invalidInput(loading.limited(unreadable + error.diagnostics))
        }
        if !unreadable.isEmpty {
            let paths = unreadable.compactMap { $0.location?.file }
            result.diagnostics = unreadable + result.diagnostics
            result.diagnostics.append(Diagnostic(.warning, "skipped \(paths.count) unreadable path(s): " + paths.joined(separator: "; ")))
        }
        if evaluation.assumeDefaultDeny { result.cluster = result.cluster.addingDefaultDeny() }
        evaluation.applyCilium(to: &result.cluster)
        for d in loading.limited(result.diagnostics) where d.severity == .error || (d.severity == .warning && !quiet) || verbose {
            io.report(d)
        }
        if !result.skippedObjects.isEmpty && !quiet {
            io.report(
                Diagnostic(
                    .warning, "skipped \(result.skippedObjects.count) invalid object(s): " + result.skippedObjects.joined(separator: "; ")))
        }
        if verbose {
            for (kind, n) in result.skippedKinds.sorted(by: { $0.key < $1.key }) {
                io.report(Diagnostic(.note, "skipped \(n) object(s) of kind \(kind) (not used by the evaluation)"))
            }
        }
        return result
    }

    /// Paths on disk (`-` is stdin, read once, up to `KUBEREACH_STDIN_MAX_BYTES`). A path that
    /// cannot be read is an error; with --keep-going it is listed as skipped.
    /// `extra`: texts already read (git blobs) loaded with the paths as one input.
    func load(
        paths: [String], plus extra: [ManifestSource] = [], loading: LoadingOptions, evaluation: EvaluationChoices,
        cache: DocumentCache? = nil
    ) throws -> LoadResult {
        guard !paths.isEmpty || !extra.isEmpty else {
            throw CLIError.usage("no input: give manifest paths, -f PATH, - for stdin, or --live to read the cluster")
        }
        try InputOptions.readsStandardInputOnce(paths)
        let limit = RunContext.current.environment["KUBEREACH_STDIN_MAX_BYTES"].flatMap { Int($0) } ?? ManifestFiles.defaultStdinLimit
        let gathered = ManifestFiles.gather(paths.map(RawArguments.bytes(of:)), stdinLimit: limit)
        if !gathered.problems.isEmpty && !loading.keepGoing { throw CLIError.invalidInput(loading.limited(gathered.problems)) }
        return try load(
            sources: extra + gathered.sources, unreadable: gathered.problems, loading: loading, evaluation: evaluation, cache: cache)
    }

    /// Diagnostics on stderr: errors always, the rest unless --quiet.
    func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics where d.severity == .error || !quiet { CommandIO.current.report(d) }
    }
}

/// The inputs of `diff`: two sides given as arguments (paths or git revisions), never a
/// live cluster and never `-f`, so neither is offered.
struct SideInputOptions: ParsableArguments {
    @OptionGroup(title: "Loading") var loading: LoadingOptions
    @OptionGroup(title: "Evaluation") var evaluation: EvaluationChoices
    @OptionGroup(title: "Diagnostics") var reporting: ReportingOptions

    var evaluationOptions: EvaluationOptions { evaluation.evaluationOptions }
    var quiet: Bool { reporting.quiet }

    func load(paths: [String], plus extra: [ManifestSource] = [], cache: DocumentCache? = nil) throws -> LoadResult {
        try reporting.load(paths: paths, plus: extra, loading: loading, evaluation: evaluation, cache: cache)
    }
    func load(sources: [ManifestSource], cache: DocumentCache? = nil) throws -> LoadResult {
        try reporting.load(sources: sources, loading: loading, evaluation: evaluation, cache: cache)
    }
    func report(_ diagnostics: [Diagnostic]) { reporting.report(diagnostics) }
}
