import ArgumentParser
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachRender
import KubeReachYAML

/// `kubereach attack-paths PATHS --from REF... --to TARGET...`: the shortest path of
/// techniques (network, identity, node) from each start to each target. Exit 0 when some
/// path exists, 1 when none, 2 on error.
struct AttackPathsCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack-paths",
        abstract: "Shortest attack paths across network, RBAC and node escapes; exit 0 when one exists, 1 when none, 2 on error.",
        discussion:
            "REF: internet, ns/name or ns/Kind/name. TARGET: cluster-admin, node, node:NAME, serviceaccount:NS/NAME, secret:NS/NAME or a workload."
    )

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @Option(help: "Start (repeatable; default: internet).") var from: [String] = []
    @Option(help: "Target (repeatable; default: cluster-admin and node).") var to: [String] = []

    @Flag(name: .customLong("with-default-rbac"), help: "Add Kubernetes' default ClusterRoles and bindings the input does not define.")
    var withDefaultRBAC = false

    @Option(name: .shortAndLong, help: "Output format: txt or json.")
    var output: PairFormat = .txt

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Chokepoints and what-if") var changes: AttackWhatIfOptions

    func evaluate() throws -> ExitStatus {
        let starts: [AttackReference], targets: [AttackReference]
        do {
            starts = try (from.isEmpty ? ["internet"] : from).map { s throws(AttackReferenceError) in try AttackReference.parse(s) }
            targets = try (to.isEmpty ? ["cluster-admin", "node"] : to).map { s throws(AttackReferenceError) in try AttackReference.parse(s)
            }
        } catch { throw CLIError.usage(error.description) }
        if changes.isActive {
            return try changes.evaluate(
                paths: paths, input: input, from: starts, to: targets, defaultRBAC: withDefaultRBAC, json: output == .json)
        }
        var cluster = try input.load(paths: paths).cluster
        if withDefaultRBAC {
            cluster.identity = cluster.identity.addingDefaults(try ManifestLoader.load([DefaultRBAC.source]).cluster.identity)
        }
        let reach = input.reachability(cluster)
        let graph = AttackGraphBuilder(reach: reach, authorizer: RBACAuthorizer(cluster.identity)).build()
        for r in starts + targets where r.vertices(in: graph).isEmpty {
            throw CLIError.notFound("\(r.description) is not in the input")
        }
        let answer = AttackPathsAnswer(graph: graph, from: starts, to: targets)
        CommandIO.current.out(output == .json ? AttackPathFormatter.json(answer) : AttackPathFormatter.text(answer))
        return answer.anyPath ? .success : .negative
    }
}
