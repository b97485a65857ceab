import ArgumentParser
import KubeReachCore
import KubeReachRBAC
import KubeReachRender
import KubeReachYAML

/// VERB RESOURCE [PATHS]: the positional arguments of `can-i` (after SUBJECT) and `who-can`.
struct RBACRequestArguments: ParsableArguments {
    @Argument(help: "The verb: get, list, create, impersonate, bind, escalate, * ...")
    var verb: String

    @Argument(help: "RESOURCE[.GROUP][/SUBRESOURCE] or a non-resource URL (/healthz).")
    var resource: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []
}

/// What `can-i` and `who-can` share: the request's namespace and name, the default roles,
/// the format, and building the authorizer from the input.
struct RBACQueryOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Namespace of the request (default: cluster-wide, where only ClusterRoleBindings count).")
    var namespace: String?

    @Option(help: "The object's name (rules narrowed by resourceNames match only their names).")
    var name: String?

    @Flag(
        name: .customLong("with-default-rbac"),
        help: "Add Kubernetes' default ClusterRoles and bindings (\(DefaultRBAC.version)) that the input does not define.")
    var withDefaultRBAC = false

    @Option(name: .shortAndLong, help: "Output format: txt or json.")
    var output: PairFormat = .txt

    /// The request for VERB RESOURCE; notes (assumed group, ignored namespace) go to stderr.
    func request(verb: String, resource: String) throws -> AccessRequest {
        guard !verb.isEmpty else { throw CLIError.usage("the verb is empty") }
        let parsed: ResourceReference.Parsed
        do { parsed = try ResourceReference.parse(resource) } catch { throw CLIError.usage(error.description) }
        if let note = parsed.note { CommandIO.current.report(Diagnostic(.note, note)) }
        var ns = namespace
        if parsed.clusterScoped && ns != nil {
            CommandIO.current.report(Diagnostic(.note, "\(resource) is cluster-scoped: -n \(ns ?? "") does not apply"))
            ns = nil
        }
        // A namespace's own object is requested inside it (the API server sets the namespace to its name).
        if case .resource(_, "namespaces", _) = parsed.target, let name { ns = name }
        return AccessRequest(verb: verb, target: parsed.target, namespace: ns, name: name)
    }

    /// The authorizer over the input's RBAC objects (and the defaults, when asked), with a
    /// warning when neither holds the bootstrap roles every cluster has.
    func authorizer(_ input: InputOptions, paths: [String]) throws -> RBACAuthorizer {
        var identity = try input.load(paths: paths, namespace: namespace).cluster.identity
        if withDefaultRBAC { identity = try DefaultRBAC.added(to: identity) }
        let authorizer = RBACAuthorizer(identity)
        if !authorizer.hasBootstrapRoles && !input.quiet {
            CommandIO.current.report(
                Diagnostic(
                    .warning,
                    "the input holds no default ClusterRoles (cluster-admin, admin, edit, view, system:*): bindings to them grant nothing here; --with-default-rbac adds Kubernetes' defaults"
                ))
        }
        return authorizer
    }
}

/// `kubereach can-i SUBJECT VERB RESOURCE`: whether RBAC lets a subject do something,
/// with the binding and rule that allow it. Exit 0 yes, 1 no or unknown, 2 error.
struct CanICommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i",
        abstract: "Can SUBJECT do VERB on RESOURCE? The binding and rule that allow it; exit 0 yes, 1 no or unknown, 2 error.",
        discussion: """
            SUBJECT: serviceaccount:NS/NAME, user:NAME (or NAME), group:NAME, node:NAME.
            RESOURCE: pods, pods/exec, deployments.apps, deployments.apps/scale, *.* or a URL such as /healthz.
            """)

    @Argument(help: "Who asks: serviceaccount:NS/NAME, user:NAME, group:NAME or node:NAME.")
    var subject: String

    @OptionGroup var asked: RBACRequestArguments
    @Option(name: .customLong("group"), help: "A group the subject is also in (repeatable).")
    var groups: [String] = []

    @OptionGroup var query: RBACQueryOptions
    @OptionGroup var input: InputOptions

    func evaluate() throws -> ExitStatus {
        let requester: Requester
        do { requester = try SubjectReference.parse(subject, extraGroups: groups) } catch { throw CLIError.usage(error.description) }
        let request = try query.request(verb: asked.verb, resource: asked.resource)
        let answer = AccessAnswer(try query.authorizer(input, paths: asked.paths), requester: requester, request: request)
        CommandIO.current.out(query.output == .json ? RBACFormatter.json(answer) : RBACFormatter.canI(answer, subject: subject))
        return answer.verdict == .yes ? .success : .negative
    }
}

/// `kubereach who-can VERB RESOURCE`: every subject RBAC lets do it, each with its binding and rule.
struct WhoCanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "Which users, groups and service accounts can do VERB on RESOURCE, and through which binding and rule.")

    @OptionGroup var asked: RBACRequestArguments
    @OptionGroup var query: RBACQueryOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let request = try query.request(verb: asked.verb, resource: asked.resource)
        let answer = WhoCanAnswer(try query.authorizer(input, paths: asked.paths), request: request)
        CommandIO.current.out(query.output == .json ? RBACFormatter.json(answer) : RBACFormatter.whoCan(answer))
    }
}
