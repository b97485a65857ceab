import KubeReachAttack
import KubeReachCore
import Testing

/// Per technique: a fixture that creates the edge and a negative control that differs only
/// in the deciding field.
@Suite struct AttackTechniqueTests {
    struct Row: Sendable, CustomStringConvertible {
        var description: String
        var yaml: String
        /// The control: `yaml` with this text replaced.
        var change: (String, String)
        var technique: AttackTechnique
        var from: String
        var to: String
    }

    typealias F = AttackFixtures
    static let sa = "serviceaccount:app/web-sa"
    static let web = "app/web[Deployment]"

    static let rows: [Row] = [
        Row(
            description: "ENDPOINT_EXPLOIT needs a declared port", yaml: F.namespace() + F.web(),
            change: ("ports: [{containerPort: 8080}]", "ports: []"), technique: .endpointExploit, from: "internet", to: web),
        Row(
            description: "IDENTITY_ASSUME follows the pod's automount", yaml: F.namespace() + F.web(),
            change: ("serviceAccountName: web-sa", "serviceAccountName: web-sa\n      automountServiceAccountToken: false"),
            technique: .identityAssume, from: web, to: sa),
        Row(
            description: "IDENTITY_ASSUME follows the ServiceAccount's automount",
            yaml: F.namespace() + F.web()
                + "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web-sa, namespace: app}\nautomountServiceAccountToken: true\n---\n",
            change: ("automountServiceAccountToken: true", "automountServiceAccountToken: false"), technique: .identityAssume, from: web,
            to: sa),
        Row(
            description: "POD_EXEC needs create on pods/exec",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}"),
            change: ("verbs: [create]", "verbs: [get]"), technique: .podExec, from: sa, to: web),
        Row(
            description: "POD_ATTACH needs create on pods/attach",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods/attach], verbs: [create]}"),
            change: ("pods/attach", "pods/log"), technique: .podAttach, from: sa, to: web),
        Row(
            description: "POD_PATCH needs patch on pods",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods], verbs: [patch]}"),
            change: ("resources: [pods]", "resources: [pods/status]"), technique: .podPatch, from: sa, to: web),
        Row(
            description: "EPHEMERAL_CONTAINER needs patch on pods/ephemeralcontainers",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods/ephemeralcontainers], verbs: [patch]}"),
            change: ("verbs: [patch]", "verbs: [get]"), technique: .ephemeralContainer, from: sa, to: web),
        Row(
            description: "POD_CREATE reaches a node where no Pod Security level is enforced",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods], verbs: [create]}"),
            change: ("labels: {}", "labels: {pod-security.kubernetes.io/enforce: baseline}"), technique: .podCreate, from: sa, to: "node:*"),
        Row(
            description: "POD_CREATE runs code as any account of the namespace",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [pods], verbs: [create]}"),
            change: ("verbs: [create]", "verbs: [list]"), technique: .podCreate, from: sa, to: "serviceaccount:app/default"),
        Row(
            description: "WORKLOAD_CREATE needs the controller's API group",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [apps], resources: [deployments], verbs: [create]}"),
            change: ("apiGroups: [apps]", "apiGroups: [\"\"]"), technique: .workloadCreate, from: sa, to: "node:*"),
        Row(
            description: "TOKEN_LIST needs a loaded token Secret",
            yaml: F.namespace() + F.web() + F.adminToken + F.grant("{apiGroups: [\"\"], resources: [secrets], verbs: [list]}"),
            change: ("type: kubernetes.io/service-account-token", "type: Opaque"), technique: .tokenList, from: sa,
            to: "serviceaccount:app/admin-sa"),
        Row(
            description: "TOKEN_BRUTEFORCE is get without resourceNames",
            yaml: F.namespace() + F.web() + F.adminToken + F.grant("{apiGroups: [\"\"], resources: [secrets], verbs: [get]}"),
            change: ("verbs: [get]}", "verbs: [get], resourceNames: [other]}"), technique: .tokenBruteforce, from: sa,
            to: "serviceaccount:app/admin-sa"),
        Row(
            description: "SECRET_READ is get narrowed to the Secret's name",
            yaml: F.namespace() + F.web() + F.adminToken
                + F.grant("{apiGroups: [\"\"], resources: [secrets], resourceNames: [admin-token], verbs: [get]}"),
            change: ("resourceNames: [admin-token]", "resourceNames: [other]"), technique: .secretRead, from: sa,
            to: "secret:app/admin-token"),
        Row(
            description: "SA_TOKEN_CREATE needs create on serviceaccounts/token",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [serviceaccounts/token], verbs: [create]}"),
            change: ("serviceaccounts/token", "serviceaccounts"), technique: .saTokenCreate, from: sa, to: "serviceaccount:app/default"),
        Row(
            description: "IMPERSONATE service accounts of the namespace",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [serviceaccounts], verbs: [impersonate]}"),
            change: ("verbs: [impersonate]", "verbs: [get]"), technique: .impersonate, from: sa, to: "serviceaccount:app/default"),
        Row(
            description: "IMPERSONATE system:masters is cluster-admin",
            yaml: F.namespace() + F.web()
                + F.grant(
                    "{apiGroups: [\"\"], resources: [groups], resourceNames: [\"system:masters\"], verbs: [impersonate]}\n- {apiGroups: [\"\"], resources: [users], verbs: [impersonate]}",
                    cluster: true),
            change: ("resourceNames: [\"system:masters\"]", "resourceNames: [dev]"), technique: .impersonate, from: sa, to: "cluster-admin"),
        Row(
            description: "IMPERSONATE a group needs a user to impersonate too",
            yaml: F.namespace() + F.web() + F.named("{kind: Group, name: dev}")
                + F.grant("{apiGroups: [\"\"], resources: [users, groups], verbs: [impersonate]}", cluster: true),
            change: ("resources: [users, groups]", "resources: [groups]"), technique: .impersonate, from: sa, to: "group:dev"),
        Row(
            description: "IMPERSONATE a user is per name",
            yaml: F.namespace() + F.web() + F.named("{kind: User, name: alice}")
                + F.grant("{apiGroups: [\"\"], resources: [users], resourceNames: [alice], verbs: [impersonate]}", cluster: true),
            change: ("resourceNames: [alice]", "resourceNames: [bob]"), technique: .impersonate, from: sa, to: "user:alice"),
        Row(
            description: "IMPERSONATE a user is cluster-wide only (a RoleBinding cannot grant it)",
            yaml: F.namespace() + F.web() + F.named("{kind: User, name: alice}")
                + F.grant("{apiGroups: [\"\"], resources: [users], verbs: [impersonate]}", cluster: true),
            change: ("kind: ClusterRoleBinding\nmetadata: {name: b}", "kind: RoleBinding\nmetadata: {name: b, namespace: app}"),
            technique: .impersonate, from: sa, to: "user:alice"),
        Row(
            description: "ROLE_BIND in a namespace needs bind on admin",
            yaml: F.namespace() + F.web()
                + F.grant(
                    "{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}\n- {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], resourceNames: [admin], verbs: [bind]}"
                ),
            change: ("resourceNames: [admin]", "resourceNames: [view]"), technique: .roleBind, from: sa, to: "serviceaccount:app/default"),
        Row(
            description: "The kubelet's identity: root on a node holds system:node:NAME",
            yaml: F.namespace() + F.node + F.web()
                + F.grant("{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}", subject: "{kind: Group, name: \"system:nodes\"}"),
            change: ("name: \"system:nodes\"", "name: ops"), technique: .podExec, from: "user:system:node:n1", to: web),
        Row(
            description: "ROLE_BIND needs bind on cluster-admin",
            yaml: F.namespace() + F.web()
                + F.grant(
                    "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings, clusterroles], resourceNames: [], verbs: [create, bind]}",
                    cluster: true),
            change: ("verbs: [create, bind]", "verbs: [create]"), technique: .roleBind, from: sa, to: "cluster-admin"),
        Row(
            description: "ESCALATE needs escalate and update on ClusterRoles",
            yaml: F.namespace() + F.web()
                + F.grant("{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, update]}", cluster: true),
            change: ("verbs: [escalate, update]", "verbs: [escalate]"), technique: .escalate, from: sa, to: "cluster-admin"),
        Row(
            description: "NODE_PROXY needs nodes/proxy",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"\"], resources: [nodes/proxy], verbs: [get]}", cluster: true),
            change: ("nodes/proxy", "nodes/status"), technique: .nodeProxy, from: sa, to: "node:*"),
        Row(
            description: "CLUSTER_ADMIN_RIGHTS needs a ClusterRoleBinding (a RoleBinding administers one namespace)",
            yaml: F.namespace() + F.web() + F.grant("{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}", cluster: true),
            change: ("kind: ClusterRoleBinding\nmetadata: {name: b}", "kind: RoleBinding\nmetadata: {name: b, namespace: app}"),
            technique: .clusterAdminRights, from: sa, to: "cluster-admin"),
        Row(
            description: "CE_PRIV_MOUNT needs privileged",
            yaml: F.namespace() + F.web("      containers: [{name: web, securityContext: {privileged: true}}]"),
            change: ("privileged: true", "privileged: false"), technique: .privilegedMount, from: web, to: "node:*"),
        Row(
            description: "CE_NSENTER needs hostPID",
            yaml: F.namespace() + F.web("      hostPID: true\n      containers: [{name: web, securityContext: {privileged: true}}]"),
            change: ("hostPID: true", "hostPID: false"), technique: .nsenter, from: web, to: "node:*"),
        moduleLoad("CE_MODULE_LOAD needs SYS_MODULE", "SYS_MODULE", control: "NET_ADMIN"),
        moduleLoad("CE_MODULE_LOAD: capabilities.add ALL holds SYS_MODULE", "ALL", control: "CHOWN"),
        moduleLoad("CE_MODULE_LOAD: CAP_SYS_MODULE is SYS_MODULE", "CAP_SYS_MODULE", control: "CAP_CHOWN"),
        Row(
            description: "CE_SYS_PTRACE needs hostPID",
            yaml: F.namespace()
                + F.web("      hostPID: true\n      containers: [{name: web, securityContext: {capabilities: {add: [SYS_PTRACE]}}}]"),
            change: ("hostPID: true", "hostPID: false"), technique: .sysPtrace, from: web, to: "node:*"),
        Row(
            description: "EXPLOIT_HOST_WRITE needs a writable mount",
            yaml: F.namespace()
                + F.web(
                    "      volumes: [{name: root, hostPath: {path: /}}]\n      containers: [{name: web, volumeMounts: [{name: root, mountPath: /host, readOnly: false}]}]"
                ),
            change: ("readOnly: false", "readOnly: true"), technique: .hostWrite, from: web, to: "node:*"),
        Row(
            description: "CE_UMH_CORE_PATTERN needs /proc/sys/kernel writable",
            yaml: F.namespace() + F.web(F.hostMount("/proc/sys/kernel")),
            change: ("readOnly: false", "readOnly: true"), technique: .corePattern, from: web, to: "node:*"),
        Row(
            description: "CE_UMH_CORE_PATTERN needs root",
            yaml: F.namespace() + F.web(F.hostMount("/proc", extra: ", securityContext: {runAsUser: 0}")),
            change: ("runAsUser: 0", "runAsUser: 1000"), technique: .corePattern, from: web, to: "node:*"),
        Row(
            description: "CE_VAR_LOG_SYMLINK needs the token to read pod logs",
            yaml: F.namespace() + F.web(F.hostMount("/var/log")) + F.grant("{apiGroups: [\"\"], resources: [pods/log], verbs: [get]}"),
            change: ("pods/log", "pods/status"), technique: .varLogSymlink, from: web, to: "node:*"),
        Row(
            description: "CE_VAR_LOG_SYMLINK needs /var/log writable",
            yaml: F.namespace() + F.web(F.hostMount("/var/log/")) + F.grant("{apiGroups: [\"\"], resources: [pods/log], verbs: [get]}"),
            change: ("readOnly: false", "readOnly: true"), technique: .varLogSymlink, from: web, to: "node:*"),
        Row(
            description: "EXPLOIT_HOST_READ: SSH keys, even read-only",
            yaml: F.namespace() + F.web(F.hostMount("/root/.ssh", readOnly: true)),
            change: ("path: /root/.ssh", "path: /srv/data"), technique: .hostRead, from: web, to: "node:*"),
        Row(
            description: "EXPLOIT_HOST_TRAVERSE: the tokens of the node's pods, even read-only",
            yaml: F.namespace() + F.node + F.db + F.web("      nodeName: n1\n" + F.hostMount("/var/lib/kubelet/pods", readOnly: true)),
            change: ("path: /var/lib/kubelet/pods", "path: /var/lib/data"), technique: .hostTraverse, from: web,
            to: "serviceaccount:app/db-sa"),
        Row(
            description: "SHARE_PS_NAMESPACE between the containers of one pod",
            yaml: F.namespace()
                + F.web(
                    "      shareProcessNamespace: true\n      containers: [{name: web, ports: [{containerPort: 8080}]}, {name: agent, securityContext: {privileged: true}}]"
                ),
            change: ("shareProcessNamespace: true", "shareProcessNamespace: false"), technique: .sharePsNamespace, from: web + "/web",
            to: web + "/agent"),
        Row(
            description: "A served port gives the container that declares it",
            yaml: F.namespace()
                + F.web(
                    "      containers: [{name: web, ports: [{containerPort: 8080}]}, {name: agent, securityContext: {privileged: true}}]"),
            change: (
                "{name: web, ports: [{containerPort: 8080}]}, {name: agent,", "{name: web}, {name: agent, ports: [{containerPort: 8080}],"
            ),
            technique: .endpointExploit, from: "internet", to: web + "/web"),
        Row(
            description: "A container's escape is its own",
            yaml: F.namespace()
                + F.web(
                    "      containers: [{name: web, ports: [{containerPort: 8080}]}, {name: agent, securityContext: {privileged: true}}]"),
            change: ("privileged: true", "privileged: false"), technique: .privilegedMount, from: web + "/agent", to: "node:*"),
        Row(
            description: "TOKEN_STEAL: a node holds the tokens of its pods",
            yaml: F.namespace() + F.node + F.web("      nodeName: n1\n      containers: [{name: web}]"),
            change: ("nodeName: n1\n", "automountServiceAccountToken: false\n"), technique: .tokenSteal, from: "node:n1", to: sa),
        Row(
            description: "A DaemonSet runs on every node",
            yaml: F.namespace() + F.node + F.web("      containers: [{name: web, securityContext: {privileged: true}}]", kind: "DaemonSet"),
            change: ("kind: DaemonSet", "kind: Deployment"), technique: .privilegedMount, from: "app/web[DaemonSet]", to: "node:n1"),
    ]

    /// CE_MODULE_LOAD from `capabilities.add: [capability]`; the control adds `control` instead.
    static func moduleLoad(_ description: String, _ capability: String, control: String) -> Row {
        Row(
            description: description,
            yaml: F.namespace() + F.web("      containers: [{name: web, securityContext: {capabilities: {add: [\(capability)]}}}]"),
            change: ("add: [\(capability)]", "add: [\(control)]"), technique: .moduleLoad, from: web, to: "node:*")
    }

    /// Exploiting the web container of a pod whose other container is privileged does not
    /// reach the node, unless the pod shares its process namespace.
    @Test func footholdIsAContainer() throws {
        let spec = "      containers: [{name: web, ports: [{containerPort: 8080}]}, {name: agent, securityContext: {privileged: true}}]"
        for share in [false, true] {
            let g = try AttackFixtures.graph(F.namespace() + F.web((share ? "      shareProcessNamespace: true\n" : "") + spec))
            let answer = AttackPathsAnswer(
                graph: g, from: [try AttackReference.parse("internet")], to: [try AttackReference.parse("node")], extra: 0)
            #expect((answer.pairs[0].paths.first != nil) == share, "shareProcessNamespace: \(share)")
        }
    }

    func has(_ g: AttackGraph, _ r: Row) -> Bool {
        g.edges(r.technique).contains { $0.from.description == r.from && $0.to.description == r.to }
    }

    @Test(arguments: rows)
    func techniqueAndItsControl(_ r: Row) throws {
        let g = try AttackFixtures.graph(r.yaml)
        #expect(
            has(g, r),
            "\(r.description): missing; edges: \(g.edges.map { "\(g.vertices[$0.from]) -\($0.technique.rawValue)-> \(g.vertices[$0.to])" })"
        )
        #expect(r.yaml.contains(r.change.0), "the control must change the fixture")
        let control = try AttackFixtures.graph(r.yaml.replacing(r.change.0, with: r.change.1))
        var placed = r
        if r.description.hasPrefix("A DaemonSet") { placed.from = Self.web }
        #expect(!has(control, placed), "\(r.description): the control still has the edge")
    }
}
