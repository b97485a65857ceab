import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachYAML

/// `kubereach generate least-privilege PATHS`: policies that allow exactly the given
/// workload-level connections (from an intent file, observed flows, or what the current
/// policies allow) plus DNS, and deny the rest in the covered namespaces; checked by
/// simulation before they are written.
struct LeastPrivilegeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "least-privilege",
        abstract: "Write policies that allow exactly the intended workload connections (plus DNS) and deny the rest.")

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("intent"), help: "Intended connections: YAML list of {from, to, ports} or CSV from,to,ports.")
    var intent: String?

    @Option(name: .customLong("from-flows"), help: "Observed connections: CSV src,dst,port,protocol, JSON lines, or Hubble's JSON export.")
    var fromFlows: String?

    @Flag(name: .customLong("keep-current"), help: "Freeze what the current policies allow (workload level, external ranges included).")
    var keepCurrent = false

    @OptionGroup var coverage: CoverageOptions

    @Option(
        name: .customLong("out"),
        help: "'-' (stdout, one YAML stream) or a directory (one file per namespace, written whole or not at all).")
    var out = "-"

    func validate() throws {
        let sources = [intent != nil, fromFlows != nil, keepCurrent].filter { $0 }.count
        guard sources == 1 else { throw ValidationError("give exactly one of --intent FILE, --from-flows FILE, --keep-current") }
    }

    func run() throws {
        let loaded = try input.load(paths: paths, mentioning: coverage.namespaceList)
        let cluster = loaded.cluster
        let intents = try readIntents(cluster)
        let plan = LeastPrivilegePlan(
            cluster: cluster, intents: intents, options: try coverage.options(), evaluation: input.evaluationOptions)
        guard !plan.covered.isEmpty else { throw CLIError.usage("no namespace to cover (check --namespaces and --exclude)") }
        coverage.warn(plan.base, replaced: plan.replaced(in: cluster), cluster: cluster, quiet: input.quiet)
        notes(plan, cluster: cluster)
        let check = LeastPrivilegeCheck(plan: plan, cluster: cluster)
        guard check.passed else {
            throw CLIError.invalidInput(
                [Diagnostic(.error, "the generated policies do not allow exactly the intended connections; nothing written")]
                    + LeastPrivilegeReport.differences(check.differences).map { Diagnostic(.error, $0) })
        }
        if !input.quiet {
            for line in LeastPrivilegeReport.superset(check.superset, plan: plan) { CommandIO.current.report(Diagnostic(.warning, line)) }
        }
        try write(plan)
    }

    private func readIntents(_ cluster: Cluster) throws -> [Intent] {
        if keepCurrent { return CurrentIntents.intents(Reachability(cluster: cluster, options: input.evaluationOptions)) }
        let resolver = IntentResolver(cluster: cluster)
        if let intent {
            let records: [IntentRecord]
            do { records = try IntentFile.read(intent) } catch { throw CLIError.invalidInput([error.diagnostic]) }
            var out: [Intent] = [], problems: [Diagnostic] = []
            for r in records {
                switch (resolver.resolve(r.from), resolver.resolve(r.to)) {
                case (.success(let s), .success(let d)):
                    out.append(Intent(source: s, destination: d, connections: r.connections, origins: ["\(intent):\(r.line)"]))
                case (.failure(let e), _), (_, .failure(let e)):
                    problems.append(InputFileError(file: intent, line: r.line, message: e.description).diagnostic)
                }
            }
            guard problems.isEmpty else { throw CLIError.invalidInput(problems) }
            return out
        }
        return try flowIntents(fromFlows ?? "", resolver)
    }

    /// Every flow becomes an intent or a warning with its line; none is dropped unseen.
    private func flowIntents(_ file: String, _ resolver: IntentResolver) throws -> [Intent] {
        let lines: [FlowLine]
        do { lines = try FlowFile.read(file) } catch { throw CLIError.invalidInput([error.diagnostic]) }
        let io = CommandIO.current
        var out: [Intent] = [], skipped: [String: [Int]] = [:], unmapped = 0
        var endpoints = FlowEndpoints(resolver)
        for l in lines {
            switch l {
            case .flow(let f):
                switch f.intent(&endpoints, file: file) {
                case .success(let i): out.append(i)
                case .failure(let e):
                    unmapped += 1
                    io.report(Diagnostic(.warning, "cannot map flow: \(e.description)", location: SourceLocation(file: file, line: f.line)))
                }
            case .skipped(let n, let reason): skipped[reason, default: []].append(n)
            case .problem(let n, let message):
                unmapped += 1
                io.report(Diagnostic(.warning, "cannot read flow: \(message)", location: SourceLocation(file: file, line: n)))
            }
        }
        for (reason, ns) in skipped.sorted(by: { $0.key < $1.key }) where !input.quiet {
            io.report(
                Diagnostic(
                    .note,
                    "\(file): skipped \(ns.count) flow(s) with \(reason) (line(s) \(ns.prefix(10).map(String.init).joined(separator: ", "))\(ns.count > 10 ? ", ..." : ""))"
                ))
        }
        guard !out.isEmpty else {
            throw CLIError.invalidInput([InputFileError(file: file, line: nil, message: "no flow could be mapped to the input").diagnostic])
        }
        if unmapped > 0 {
            io.report(
                Diagnostic(.warning, "\(unmapped) flow(s) of \(file) could not be mapped (listed above); no generated policy allows them"))
        }
        return out
    }

    private func notes(_ plan: LeastPrivilegePlan, cluster: Cluster) {
        guard !input.quiet else { return }
        let io = CommandIO.current
        if !plan.exempt.isEmpty {
            io.report(
                Diagnostic(
                    .note,
                    "hostNetwork workloads are exempt (policies cannot isolate them): \(plan.exempt.map(\.description).joined(separator: ", "))"
                ))
        }
        if !cluster.adminPolicies.isEmpty {
            io.report(
                Diagnostic(.note, "the check simulates NetworkPolicies only; the input's AdminNetworkPolicies still apply before them"))
        }
        // With --keep-current, pairs outside the covered namespaces are not worth a note each.
        for (i, reason) in plan.unserved where !keepCurrent {
            io.report(
                Diagnostic(
                    .note,
                    "\(i.source) => \(i.destination) (\(i.origins.prefix(3).joined(separator: ", "))): no policy generated: \(reason)"))
        }
    }

    private func write(_ plan: LeastPrivilegePlan) throws {
        let header = "# Generated by kubereach generate least-privilege.\n"
        if out == "-" { return CommandIO.current.out(header + PolicyYAML.stream(plan.policies.map { ($0.policy, $0.reason) })) }
        let files = plan.covered.map { ns in
            (
                name: "\(ns).yaml",
                text: header + PolicyYAML.stream(plan.policies.filter { $0.policy.namespace == ns }.map { ($0.policy, $0.reason) })
            )
        }
        try AtomicFile.writeDirectory(files, to: out)
        if !input.quiet { CommandIO.current.err("wrote \(files.count) file(s) to \(out)\n") }
    }
}

/// The lines `generate least-privilege` prints about its check.
enum LeastPrivilegeReport {
    /// `+` allowed beyond the intent, `-` intended but not allowed.
    static func differences(_ d: ConnectivityDiff) -> [String] {
        d.added.map { "+ \($0.source) => \($0.destination) : \($0.after.description) (not intended)" }
            + d.removed.map { "- \($0.source) => \($0.destination) : \($0.before.description) (intended, not allowed)" }
            + d.changed.map { e in
                var parts: [String] = []
                if !e.widened.isEmpty { parts.append("+\(e.widened.description) not intended") }
                if !e.narrowed.isEmpty { parts.append("-\(e.narrowed.description) intended, not allowed") }
                return "~ \(e.source) => \(e.destination) : \(parts.joined(separator: "; "))"
            }
    }

    /// Which selectors take other workloads, and the pairs that allows beyond the intent.
    static func superset(_ d: ConnectivityDiff, plan: LeastPrivilegePlan) -> [String] {
        var out = plan.supersets.sorted { $0.key < $1.key }.map { w, also in
            "superset: no stable label separates \(w) from \(also.map(\.description).joined(separator: ", ")); its policies select them too"
        }
        let extra =
            d.added.map { "superset: \($0.source) => \($0.destination) : \($0.after.description)" }
            + d.changed.map { "superset: \($0.source) => \($0.destination) : +\($0.widened.description)" }
        if !extra.isEmpty { out.append("superset: \(extra.count) pair(s) allowed beyond the intent because of shared selectors:") }
        return out + extra
    }
}
