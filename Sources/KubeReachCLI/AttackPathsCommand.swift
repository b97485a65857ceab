import ArgumentParser
import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachRender
import KubeReachYAML

/// `kubereach attack-paths PATHS --from REF... --to TARGET...`: the shortest path of
/// techniques (network, identity, node) from each start to each target, and up to K more.
/// Exit 0 when some path exists, 1 when none, 2 on error.
struct AttackPathsCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack-paths",
        abstract: "Shortest attack paths across network, RBAC and node escapes; exit 0 when one exists, 1 when none, 2 on error.",
        discussion:
            "REF: internet, ns/name or ns/Kind/name. TARGET: cluster-admin, node, node:NAME, serviceaccount:NS/NAME, secret:NS/NAME, user:NAME, group:NAME or a workload."
    )

    /// The formats of `attack-paths`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case txt, json, md, dot, svg
    }

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @Option(help: "Start (repeatable; default: internet and every entry point exposure finds).") var from: [String] = []
    @Option(help: "Target (repeatable; default: cluster-admin and node).") var to: [String] = []

    @Option(name: .customShort("k"), help: "Up to K more paths per pair after the shortest (loopless, shortest first).")
    var alternatives = 0

    @Flag(name: .customLong("with-default-rbac"), help: "Add Kubernetes' default ClusterRoles and bindings the input does not define.")
    var withDefaultRBAC = false

    @Option(name: .shortAndLong, help: "Output format: txt, json, md, dot or svg.")
    var output: Format = .txt

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Chokepoints and what-if") var changes: AttackWhatIfOptions

    func evaluate() throws -> ExitStatus {
        guard alternatives >= 0 else { throw CLIError.usage("-k must be 0 or more, not \(alternatives)") }
        var asked: [AttackReference], targets: [AttackReference]
        do {
            asked = try from.map { s throws(AttackReferenceError) in try AttackReference.parse(s) }
            targets = try (to.isEmpty ? ["cluster-admin", "node"] : to).map { s throws(AttackReferenceError) in
                try AttackReference.parse(s)
            }
        } catch { throw CLIError.usage(error.description) }
        // A reference given twice is asked once: every asked pair appears exactly once.
        var seen: Set<String> = []
        asked = asked.filter { seen.insert($0.description).inserted }
        seen = []
        targets = targets.filter { seen.insert($0.description).inserted }
        if changes.isActive {
            return try changes.evaluate(
                paths: paths, input: input, from: asked, to: targets, defaultRBAC: withDefaultRBAC, json: output == .json)
        }
        var cluster = try input.load(paths: paths).cluster
        if withDefaultRBAC {
            cluster.identity = try DefaultRBAC.added(to: cluster.identity)
        }
        let reach = input.reachability(cluster)
        let network = ReachabilityGraph(reach)
        let graph = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(cluster.identity), network: network).build()
        for r in asked + targets where r.vertices(in: graph).isEmpty {
            throw CLIError.notFound("\(r.description) is not in the input")
        }
        let starts = asked.isEmpty ? AttackSection.defaultStarts(reach, network) : asked
        let answer = AttackPathsAnswer(graph: graph, from: starts, to: targets, extra: alternatives)
        switch output {
        case .txt: CommandIO.current.out(AttackPathFormatter.text(answer))
        case .json: CommandIO.current.out(AttackPathFormatter.json(answer))
        case .md: CommandIO.current.out(AttackPathFormatter.markdown(answer))
        case .dot: CommandIO.current.out(AttackPathDotWriter.dot(answer))
        case .svg: CommandIO.current.outBytes(try AttackPathDotWriter.svg(answer))
        }
        return answer.anyPath ? .success : .negative
    }
}
