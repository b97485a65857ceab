import KubeReachCore
import KubeReachRBAC

extension AttackGraphBuilder {
    /// What each identity allows, per namespace, as edges from its vertex: service accounts'
    /// tokens, the users and groups bindings name (reached by impersonation), and each node's
    /// kubelet (`user:system:node:NAME`, which root on the node holds).
    mutating func addPermissionEdges() {
        let namespaces = cluster.namespaces.map(\.name).sorted()
        var accounts: Set<AttackVertex> = []
        for ns in namespaces { accounts.formUnion(serviceAccounts(in: ns)) }
        for v in graph.vertices { if case .serviceAccount = v { accounts.insert(v) } }
        var holders: [(AttackVertex, Requester)] = accounts.sorted().compactMap { account in
            guard case .serviceAccount(let ns, let name) = account else { return nil }
            return (account, Requester.serviceAccount(namespace: ns, name: name))
        }
        for n in cluster.nodes {
            let kubelet = AttackVertex.user("system:node:\(n.name)")
            graph.add(
                .node(n.name), kubelet, .identityAssume, "root on the node reads the kubelet's credentials (user system:node:\(n.name))",
                nil)
        }
        holders += identityNames.users.map { (AttackVertex.user($0), Self.requester(user: $0)) }
        holders += identityNames.groups.map { (AttackVertex.group($0), Requester(user: "", groups: [$0])) }
        for (holder, who) in holders {
            // Only where a binding names the identity can it be allowed anything.
            let scope = authorizer.bindingNamespaces(for: who)
            for target in namespaces where scope?.contains(target) ?? true { addNamespaceEdges(holder, who, in: target) }
            if scope == nil { addClusterEdges(holder, who) }
        }
    }

    /// The node of a kubelet's credentials (`system:node:NAME` in `system:nodes`), which
    /// NodeRestriction limits.
    static func kubeletNode(_ who: Requester) -> String? {
        guard who.user.hasPrefix("system:node:"), who.groups.contains("system:nodes") else { return nil }
        return String(who.user.dropFirst("system:node:".count))
    }

    /// Whether `node` holds the token of `account` (a pod placed there mounts it).
    func holdsToken(_ node: AttackVertex, _ account: AttackVertex) -> Bool {
        guard let n = graph.vertex(node), let a = graph.vertex(account) else { return false }
        return graph.outgoing[n].contains { graph.edges[$0].technique == .tokenSteal && graph.edges[$0].to == a }
    }

    /// A user's requester: a kubelet's name carries the group `system:nodes`.
    static func requester(user: String) -> Requester {
        user.hasPrefix("system:node:") ? .node(String(user.dropFirst("system:node:".count))) : Requester(user: user)
    }

    /// The first grant of a request, as (why, source).
    func grant(
        _ who: Requester, _ verb: String, _ resource: String, group: String = "", sub: String = "", in ns: String?, name: String? = nil
    )
        -> (String, SourceLocation?)?
    {
        let request = AccessRequest(
            verb: verb, target: .resource(group: group, resource: resource, subresource: sub), namespace: ns, name: name)
        guard let g = authorizer.grants(request, for: who).first, let rule = g.rule, let binding = g.binding else { return nil }
        return (
            "\(binding.display) grants \(verb) \(request.combinedResource ?? "")\(ns.map { " in \($0)" } ?? " cluster-wide") (\(rule.description))",
            rule.location
        )
    }

    /// What a namespace's rights give. A kubelet's requests also pass the NodeRestriction
    /// admission plugin: no pod it creates carries a service account (mirror pods only), it
    /// patches no pod spec, and it asks tokens only for the accounts of its own pods.
    private mutating func addNamespaceEdges(_ account: AttackVertex, _ who: Requester, in ns: String) {
        let workloads = workloads(in: ns).map(AttackVertex.workload)
        let kubelet = Self.kubeletNode(who)
        for (technique, verbs, resource, sub) in [
            (AttackTechnique.podExec, ["create"], "pods", "exec"), (.podAttach, ["create"], "pods", "attach"),
            (.ephemeralContainer, ["patch", "update"], "pods", "ephemeralcontainers"), (.podPatch, ["patch", "update"], "pods", ""),
        ] where kubelet == nil || technique == .podExec || technique == .podAttach {
            guard let (why, source) = verbs.compactMap({ grant(who, $0, resource, sub: sub, in: ns) }).first else { continue }
            for w in workloads { graph.add(account, w, technique, why, source) }
        }
        addCreateEdges(account, who, in: ns)
        addSecretEdges(account, who, in: ns)
        addNamespaceBindEdges(account, who, in: ns)
        for target in serviceAccounts(in: ns) {
            guard case .serviceAccount(_, let name) = target else { continue }
            if kubelet.map({ holdsToken(.node($0), target) }) ?? true,
                let (why, source) = grant(who, "create", "serviceaccounts", sub: "token", in: ns, name: name)
            {
                graph.add(account, target, .saTokenCreate, why, source)
            }
            if let (why, source) = grant(who, "impersonate", "serviceaccounts", in: ns, name: name) {
                graph.add(account, target, .impersonate, why, source)
            }
        }
    }

    /// POD_CREATE and WORKLOAD_CREATE: code in a pod with any service account of the
    /// namespace, and a node when the namespace's Pod Security level lets a privileged pod in.
    private mutating func addCreateEdges(_ account: AttackVertex, _ who: Requester, in ns: String) {
        let controllers: [(String, String)] = [
            ("apps", "deployments"), ("apps", "daemonsets"), ("apps", "statefulsets"), ("apps", "replicasets"), ("batch", "jobs"),
            ("batch", "cronjobs"), ("", "replicationcontrollers"),
        ]
        let ways: [(AttackTechnique, (String, SourceLocation?)?)] = [
            (.podCreate, Self.kubeletNode(who) == nil ? grant(who, "create", "pods", in: ns) : nil),
            (.workloadCreate, controllers.compactMap { grant(who, "create", $0.1, group: $0.0, in: ns) }.first),
        ]
        let level = levelOf[ns] ?? .privileged
        for case (let technique, (let why, let source)?) in ways {
            for sa in serviceAccounts(in: ns) { graph.add(account, sa, technique, why, source) }
            if level == .privileged {
                graph.add(
                    account, .node(nil), technique, why + "; \(ns) enforces no Pod Security level, so a privileged pod is admitted", source)
            }
        }
    }

    /// TOKEN_LIST (list), TOKEN_BRUTEFORCE (get any name) to the accounts of loaded token
    /// Secrets; SECRET_READ (get narrowed by resourceNames) to the named Secrets.
    private mutating func addSecretEdges(_ account: AttackVertex, _ who: Requester, in ns: String) {
        let secrets = secretsIn[ns] ?? []
        guard !secrets.isEmpty else { return }
        let list = grant(who, "list", "secrets", in: ns), any = grant(who, "get", "secrets", in: ns)
        for s in secrets {
            let holder = s.serviceAccountName.flatMap {
                s.holdsServiceAccountToken ? AttackVertex.serviceAccount(namespace: ns, name: $0) : nil
            }
            if let holder, let (why, source) = list { graph.add(account, holder, .tokenList, why, source) }
            if let holder, let (why, source) = any {
                graph.add(account, holder, .tokenBruteforce, why + "; Secret names are known from the manifests", source)
            }
            guard any == nil, let (why, source) = grant(who, "get", "secrets", in: ns, name: s.name) else { continue }
            let secret = AttackVertex.secret(namespace: ns, name: s.name)
            graph.add(account, secret, .secretRead, why, source)
            if let holder { graph.add(secret, holder, .identityAssume, "holds a token of the service account", s.location) }
        }
    }

    /// Cluster-wide rights: everything (CLUSTER_ADMIN_RIGHTS), binding or escalating to
    /// cluster-admin, impersonating system:masters, the kubelet API of every node.
    private mutating func addClusterEdges(_ account: AttackVertex, _ who: Requester) {
        if let (why, source) = grant(who, "*", "*", group: "*", in: nil) {
            graph.add(account, .clusterAdmin, .clusterAdminRights, why, source)
        }
        let rbac = "rbac.authorization.k8s.io"
        if let (why, source) = grant(who, "create", "clusterrolebindings", group: rbac, in: nil),
            let (bindWhy, _) = grant(who, "bind", "clusterroles", group: rbac, in: nil, name: "cluster-admin")
        {
            graph.add(account, .clusterAdmin, .roleBind, "\(why); \(bindWhy)", source)
        }
        if let (why, source) = grant(who, "escalate", "clusterroles", group: rbac, in: nil),
            let (updateWhy, _) = grant(who, "update", "clusterroles", group: rbac, in: nil)
                ?? grant(who, "patch", "clusterroles", group: rbac, in: nil)
        {
            graph.add(account, .clusterAdmin, .escalate, "\(why); \(updateWhy)", source)
        }
        addImpersonationEdges(account, who)
        if let (why, source) = grant(who, "get", "nodes", sub: "proxy", in: nil) ?? grant(who, "create", "nodes", sub: "proxy", in: nil) {
            for v in graph.vertices where v.isNode {
                graph.add(account, v, .nodeProxy, why + ": the kubelet API runs commands in any pod of the node", source)
            }
        }
    }

    /// cluster-admin is not a dead end: it execs into every workload and puts a privileged pod on every node.
    mutating func addClusterAdminEdges() {
        for w in podsOf.keys.sorted() { graph.add(.clusterAdmin, .workload(w), .podExec, "cluster-admin may exec into any pod", nil) }
        for v in graph.vertices where v.isNode {
            graph.add(.clusterAdmin, v, .podCreate, "cluster-admin may create a privileged pod on any node", nil)
        }
    }
}
