import KubeReachAnalysis
import KubeReachCore
import KubeReachRBAC

/// Builds the attack graph of a cluster. Network edges come from the policy engine (`reach`,
/// so a default-deny cuts them), identity edges from the RBAC authorizer, escapes from the
/// pod specs.
public struct AttackGraphBuilder {
    let cluster: Cluster
    let reach: Reachability
    let authorizer: RBACAuthorizer
    /// Pods per workload vertex (as `list --by workload` groups them).
    let podsOf: [WorkloadRef: [Pod]]
    let serviceAccounts: [String: ServiceAccount]
    /// Per namespace, computed once: its workloads, its accounts (loaded, named by pods,
    /// and `default`), its Secrets and its enforced Pod Security level.
    let workloadsIn: [String: [WorkloadRef]]
    let accountsIn: [String: [AttackVertex]]
    let secretsIn: [String: [SecretInfo]]
    let levelOf: [String: PodSecurityLevel]
    /// The users and groups bindings name (impersonation targets) and each node's kubelet user.
    let identityNames: (users: [String], groups: [String])
    var graph = AttackGraph()
    /// The workload graph of `reach` when the caller has built it already (`exposure`, `report`).
    var network: ReachabilityGraph?

    public init(reach: Reachability, authorizer: RBACAuthorizer) {
        self.reach = reach
        cluster = reach.cluster
        self.authorizer = authorizer
        var pods: [WorkloadRef: [Pod]] = [:]
        for i in reach.cluster.pods.indices {
            if case .workload(let w) = reach.endpoint(ofPod: i, level: .workload) { pods[w, default: []].append(reach.cluster.pods[i]) }
        }
        podsOf = pods
        var sas: [String: ServiceAccount] = [:]
        for sa in reach.cluster.identity.serviceAccounts { sas["\(sa.namespace)/\(sa.name)"] = sa }
        serviceAccounts = sas
        workloadsIn = Dictionary(grouping: pods.keys.sorted(), by: \.namespace)
        var accounts: [String: Set<String>] = [:]
        for ns in reach.cluster.namespaces { accounts[ns.name] = ["default"] }
        for sa in reach.cluster.identity.serviceAccounts { accounts[sa.namespace, default: ["default"]].insert(sa.name) }
        for p in reach.cluster.pods where p.security != nil { accounts[p.namespace, default: ["default"]].insert(p.serviceAccountName) }
        accountsIn = Dictionary(
            uniqueKeysWithValues: accounts.map { ns, names in
                (ns, names.sorted().map { AttackVertex.serviceAccount(namespace: ns, name: $0) })
            })
        secretsIn = Dictionary(grouping: reach.cluster.identity.secrets, by: \.namespace)
        var levels: [String: PodSecurityLevel] = [:]
        for ns in reach.cluster.namespaces { levels[ns.name] = ns.enforcedPodSecurity.level }
        levelOf = levels
        var users = Set(reach.cluster.nodes.map { "system:node:\($0.name)" }), groups: Set<String> = []
        for b in reach.cluster.identity.bindings {
            for s in b.subjects where s.kind == .user && !s.name.hasPrefix("system:serviceaccount:") { users.insert(s.name) }
            for s in b.subjects where s.kind == .group && s.name != Requester.masters { groups.insert(s.name) }
        }
        identityNames = (users.sorted(), groups.sorted())
    }

    /// With the workload graph of `reach` already built (not built twice).
    public init(reach: Reachability, authorizer: RBACAuthorizer, network: ReachabilityGraph) {
        self.init(reach: reach, authorizer: authorizer)
        self.network = network
    }

    /// Every vertex and edge.
    public func build() -> AttackGraph {
        var b = self
        b.graph.intern(.internet)
        b.graph.intern(.clusterAdmin)
        b.graph.intern(.node(nil))
        for n in cluster.nodes { b.graph.intern(.node(n.name)) }
        for w in podsOf.keys.sorted() { b.graph.intern(.workload(w)) }
        b.addNetworkEdges()
        b.addWorkloadEdges()
        b.addPermissionEdges()
        b.addClusterAdminEdges()
        return b.graph
    }

    /// The workloads in a namespace, in order.
    func workloads(in namespace: String) -> [WorkloadRef] { workloadsIn[namespace] ?? [] }

    /// The nodes a workload's pods run on: `nodeName` when written, every node for a
    /// DaemonSet, else the symbolic `node:*`.
    func placement(_ w: WorkloadRef) -> [AttackVertex] {
        var out: Set<AttackVertex> = []
        for p in podsOf[w] ?? [] {
            if let name = p.nodeName {
                out.insert(.node(name))
            } else if w.kind == "DaemonSet" {
                out.insert(.node(nil))
                for n in cluster.nodes { out.insert(.node(n.name)) }
            } else {
                out.insert(.node(nil))
            }
        }
        return out.sorted()
    }

    /// The service account whose token a pod holds (in `container`, when given), when one is
    /// mounted: automounted into every container, or a projected token volume the container mounts.
    func mountedToken(_ pod: Pod, container: ContainerSecurity? = nil) -> AttackVertex? {
        guard let s = pod.security else { return nil }
        let sa = serviceAccounts["\(pod.namespace)/\(pod.serviceAccountName)"]
        let projected = Set(s.volumes.filter(\.projectsServiceAccountToken).map(\.name))
        let mountsProjected = container.map { $0.volumeMounts.contains { projected.contains($0.name) } } ?? !projected.isEmpty
        guard s.mountsToken(serviceAccount: sa) || mountsProjected else { return nil }
        return .serviceAccount(namespace: pod.namespace, name: pod.serviceAccountName)
    }

    /// Every service account of a namespace: loaded ones, those pods name, and `default`.
    func serviceAccounts(in namespace: String) -> [AttackVertex] {
        accountsIn[namespace] ?? [.serviceAccount(namespace: namespace, name: "default")]
    }
}
