import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

/// `kubereach generate`: policies written for you, verified by simulation first.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate NetworkPolicies, checked by simulation before they are written.",
        subcommands: [DefaultDenyCommand.self])
}

/// `kubereach generate default-deny PATHS`: a starter set per namespace (deny all, DNS
/// egress, optionally same-namespace traffic), its rollout impact, and YAML for `kubectl apply`.
struct DefaultDenyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default-deny",
        abstract: "Write a default-deny starter set per namespace, with DNS egress; print what it would take away.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("namespaces"), help: "Cover only these namespaces (comma-separated; default: all but kube-system, kube-public, kube-node-lease).")
    var namespaces: [String] = []

    @Option(name: .customLong("exclude"), help: "Never cover these namespaces (comma-separated, repeatable).")
    var exclude: [String] = []

    @Flag(name: .customLong("allow-dns"), inversion: .prefixedNo, help: "Add a policy allowing UDP and TCP 53 to the cluster DNS pods.")
    var allowDNS = true

    @Option(name: .customLong("dns-namespace-label"), help: "Label of the DNS namespace (key=value).")
    var dnsNamespaceLabel = "kubernetes.io/metadata.name=kube-system"

    @Option(name: .customLong("dns-pod-label"), help: "Label of the DNS pods (key=value).")
    var dnsPodLabel = "k8s-app=kube-dns"

    @Flag(name: .customLong("allow-same-namespace"), help: "Also allow all traffic between the pods of each namespace.")
    var allowSameNamespace = false

    @Option(name: .customLong("out"), help: "'-' (stdout, one YAML stream) or a directory (one file per namespace, written whole or not at all).")
    var out = "-"

    @Flag(name: .customLong("impact-only"), help: "Print only the rollout impact, on stdout; write no YAML.")
    var impactOnly = false

    func run() throws {
        // A live read without -A also reads the namespaces asked to be covered.
        let loaded = try input.load(paths: paths, mentioning: namespaces.flatMap { $0.split(separator: ",").map(String.init) })
        let plan = DefaultDenyPlan(cluster: loaded.cluster, options: try options())
        guard !plan.covered.isEmpty else { throw CLIError.usage("no namespace to cover (check --namespaces and --exclude)") }
        warn(plan, cluster: loaded.cluster)
        let violations = DefaultDenyCheck.violations(of: plan, in: loaded.cluster, options: input.evaluationOptions)
        guard violations.isEmpty else {
            throw CLIError.invalidInput(
                [Diagnostic(.error, "the generated policies would still allow more than intended; nothing written")]
                    + violations.map { Diagnostic(.error, $0.description) })
        }
        let before = Reachability(cluster: loaded.cluster, options: input.evaluationOptions)
        let after = Reachability(cluster: plan.applied(to: loaded.cluster), options: input.evaluationOptions)
        let impact = ImpactFormatter.text(ConnectivityDiff(old: ConnectivitySnapshot(before, level: .workload), new: ConnectivitySnapshot(after, level: .workload)))
        let io = CommandIO.current
        if impactOnly { return io.out(impact) }
        if !input.quiet { io.err(impact) }
        try write(plan)
    }

    private func options() throws -> DefaultDenyOptions {
        let list = { (values: [String]) in values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty } }
        return DefaultDenyOptions(
            namespaces: namespaces.isEmpty ? nil : list(namespaces), exclude: Set(list(exclude)), allowDNS: allowDNS,
            dnsNamespaceLabels: try labels(dnsNamespaceLabel, option: "--dns-namespace-label"),
            dnsPodLabels: try labels(dnsPodLabel, option: "--dns-pod-label"), allowSameNamespace: allowSameNamespace)
    }

    /// `k=v[,k2=v2]`
    private func labels(_ text: String, option: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { throw CLIError.usage("\(option) expects key=value, got '\(text)'") }
            out[kv[0]] = kv[1]
        }
        guard !out.isEmpty else { throw CLIError.usage("\(option) expects key=value, got '\(text)'") }
        return out
    }

    /// Notes on what is left out, and warnings on what may surprise.
    private func warn(_ plan: DefaultDenyPlan, cluster: Cluster) {
        let io = CommandIO.current
        if !plan.excluded.isEmpty && !input.quiet {
            io.report("note: not covered: \(plan.excluded.joined(separator: ", "))", severity: "note")
        }
        guard !input.quiet else { return }
        for ns in plan.unknown { io.report("warning: namespace \(ns) is not in the input; its policies are generated unchecked", severity: "warning") }
        for name in plan.replaced(in: cluster) {
            io.report("warning: \(name) already exists; applying the generated one replaces it", severity: "warning")
        }
        guard allowDNS else { return }
        let dns = plan.dnsPods(in: cluster)
        if dns.isEmpty {
            io.report("warning: no pod in the input matches the DNS labels (\(dnsNamespaceLabel), \(dnsPodLabel)); check --dns-namespace-label and --dns-pod-label", severity: "warning")
        }
        // DNS pods inside a covered namespace get a deny-all ingress too: lookups would fail.
        for ns in Set(dns.map { cluster.pods[$0].namespace }).intersection(plan.covered).sorted() {
            io.report("warning: the DNS pods of \(ns) are covered too: their ingress is denied, so name lookups will fail until a policy admits them", severity: "warning")
        }
    }

    private func write(_ plan: DefaultDenyPlan) throws {
        let header = "# Generated by kubereach generate default-deny.\n"
        if out == "-" {
            return CommandIO.current.out(header + PolicyYAML.stream(plan.policies.map { ($0.policy, $0.reason) }))
        }
        let files = plan.covered.map { ns in
            (name: "\(ns).yaml", text: header + PolicyYAML.stream(plan.policies.filter { $0.policy.namespace == ns }.map { ($0.policy, $0.reason) }))
        }
        try AtomicFile.writeDirectory(files, to: out)
        if !input.quiet { CommandIO.current.err("wrote \(files.count) file(s) to \(out)\n") }
    }
}
