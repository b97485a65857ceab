import ArgumentParser
import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachRender
import KubeReachYAML

/// `attack-paths --chokepoints` (the minimum cut across layers, each edge with the change
/// that removes it) and `--what-if FILE...` (change manifests applied on top, as `kubectl
/// apply` would: the same object replaced, new ones added; then what each path became).
struct AttackWhatIfOptions: ParsableArguments {
    @Flag(help: "List the minimum cut between the starts and the targets, each edge with the smallest change that removes it.")
    var chokepoints = false

    @Option(
        name: .customLong("what-if"), parsing: .upToNextOption,
        help: "Change manifests (repeatable): the same object replaces the input's, others are added; shows which paths are cut.")
    var whatIf: [String] = []

    /// Whether the command hands its answer over to these options.
    var isActive: Bool { chokepoints || !whatIf.isEmpty }

    /// Answers the same question as `attack-paths` of the cluster after the change files
    /// (before them too with `--what-if`), then the chokepoints when asked. Without starts,
    /// the internet and the entry points of the cluster before the change are asked on both sides.
    func evaluate(
        paths: [String], input: InputOptions, from starts: [AttackReference], to targets: [AttackReference], defaultRBAC: Bool,
        json: Bool
    ) throws -> ExitStatus {
        if !whatIf.isEmpty {
            if try input.readsLiveCluster(paths: paths) { throw CLIError.usage("--what-if applies to manifest files, not a live cluster") }
            if (paths + input.files).contains("-") { throw CLIError.usage("--what-if reads the input twice: give files, not '-'") }
        }
        let before = try answer(input.load(paths: paths).cluster, input, starts, targets, defaultRBAC, requireReferences: true)
        var after = before
        let starts = before.starts
        if !whatIf.isEmpty {
            // The input again with the change files after it; their replacements are the point, not a warning.
            var quiet = input.reporting
            quiet.quiet = true
            after = try answer(
                quiet.load(paths: paths + input.files + whatIf, loading: input.loading, evaluation: input.evaluation).cluster, input,
                starts, targets, defaultRBAC, requireReferences: false)
        }
        let comparison = whatIf.isEmpty ? nil : AttackWhatIf(before: before.answer, after: after.answer)
        let cut = chokepoints ? after.builder.chokepoints(after.answer.graph, from: sources(after), to: sinks(after)) : nil
        if json {
            CommandIO.current.out(JSONOutput.encode(AttackChangesDocument(after.answer, whatIf: comparison, files: whatIf, cut: cut)))
        } else {
            var text = comparison.map { AttackChangeFormatter.whatIf($0, files: whatIf) } ?? AttackPathFormatter.text(after.answer)
            if let cut { text += AttackChangeFormatter.chokepoints(cut, after.answer) }
            CommandIO.current.out(text)
        }
        return after.answer.anyPath ? .success : .negative
    }

    private struct Analysed {
        var builder: AttackGraphBuilder
        var answer: AttackPathsAnswer
        var starts: [AttackReference]
    }

    private func answer(
        _ loaded: Cluster, _ input: InputOptions, _ starts: [AttackReference], _ targets: [AttackReference], _ defaultRBAC: Bool,
        requireReferences: Bool
    ) throws -> Analysed {
        var cluster = loaded
        if defaultRBAC {
            cluster.identity = try DefaultRBAC.added(to: cluster.identity)
        }
        let reach = input.reachability(cluster)
        let network = ReachabilityGraph(reach)
        let builder = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(cluster.identity), network: network)
        let graph = builder.build()
        let starts = starts.isEmpty ? AttackSection.defaultStarts(reach, network) : starts
        // After the change files, a start or target they removed (a service account no pod names any more) is unreachable, not an error.
        for r in starts + targets where requireReferences && r.vertices(in: graph).isEmpty {
            throw CLIError.notFound("\(r.description) is not in the input")
        }
        return Analysed(builder: builder, answer: AttackPathsAnswer(graph: graph, from: starts, to: targets), starts: starts)
    }

    private func sources(_ a: Analysed) -> [Int] { Array(Set(a.answer.pairs.flatMap { $0.from.vertices(in: a.answer.graph) })).sorted() }
    private func sinks(_ a: Analysed) -> [Int] { Array(Set(a.answer.pairs.flatMap { $0.to.vertices(in: a.answer.graph) })).sorted() }
}
