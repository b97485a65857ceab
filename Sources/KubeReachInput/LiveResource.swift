/// A resource kubereach reads from a live cluster, by its group-qualified kubectl name (so
/// that Calico's `networkpolicies.crd.projectcalico.org` is never picked by mistake).
struct LiveResource: Sendable {
    /// `deployments.apps`: what `kubectl get` is given.
    let name: String
    /// `deployments`: how sources are named.
    let short: String
    let namespaced: Bool
    /// A CRD that may be absent (the admin policies): absent is not an error.
    let optional: Bool
    /// Read only when the cluster does not serve this resource (Calico's CRDs when its API
    /// server serves the same objects as `projectcalico.org/v3`).
    let unlessServed: String?

    init(_ name: String, namespaced: Bool = true, optional: Bool = false, short: String? = nil, unlessServed: String? = nil) {
        self.name = name
        self.short = short ?? String(name.prefix { $0 != "." })
        self.namespaced = namespaced
        self.optional = optional
        self.unlessServed = unlessServed
    }

    /// Whether to read this resource from a cluster serving `served` (`kubectl api-resources -o name`).
    func isRead(served: Set<String>) -> Bool {
        (!optional || served.contains(name)) && !(unlessServed.map(served.contains) ?? false)
    }

    /// Every resource the loader uses, in the order the loader gets them.
    static let all: [LiveResource] =
        [
            LiveResource("namespaces", namespaced: false), LiveResource("nodes", namespaced: false),
            LiveResource("pods"), LiveResource("services"), LiveResource("replicationcontrollers"),
            LiveResource("deployments.apps"), LiveResource("replicasets.apps"), LiveResource("statefulsets.apps"),
            LiveResource("daemonsets.apps"), LiveResource("jobs.batch"), LiveResource("cronjobs.batch"),
            LiveResource("networkpolicies.networking.k8s.io"),
            LiveResource("adminnetworkpolicies.policy.networking.k8s.io", namespaced: false, optional: true),
            LiveResource("baselineadminnetworkpolicies.policy.networking.k8s.io", namespaced: false, optional: true),
            // The identity side (attack graph, can-i, who-can). Secrets: only type and annotations are read.
            LiveResource("serviceaccounts"), LiveResource("secrets"),
            LiveResource("roles.rbac.authorization.k8s.io"), LiveResource("rolebindings.rbac.authorization.k8s.io"),
            LiveResource("clusterroles.rbac.authorization.k8s.io", namespaced: false),
            LiveResource("clusterrolebindings.rbac.authorization.k8s.io", namespaced: false),
            LiveResource("clusternetworkpolicies.policy.networking.k8s.io", namespaced: false, optional: true),
            LiveResource("ciliumnetworkpolicies.cilium.io", optional: true),
            LiveResource("ciliumclusterwidenetworkpolicies.cilium.io", namespaced: false, optional: true),
            LiveResource("ciliumnodes.cilium.io", namespaced: false, optional: true),
            LiveResource("ciliumcidrgroups.cilium.io", namespaced: false, optional: true),
        ] + calico

    /// Calico's kinds: from its API server (`projectcalico.org/v3`) when the cluster serves
    /// it, else from the CRDs behind it (`crd.projectcalico.org/v1`), never both (the same
    /// objects twice). Sources are named by the full resource (`cluster:tiers.projectcalico.org`).
    static let calico: [LiveResource] = [
        ("networkpolicies", true), ("globalnetworkpolicies", false), ("stagednetworkpolicies", true),
        ("stagedglobalnetworkpolicies", false), ("tiers", false), ("networksets", true), ("globalnetworksets", false),
    ].flatMap { plural, namespaced in
        let api = "\(plural).projectcalico.org", crd = "\(plural).crd.projectcalico.org"
        return [
            LiveResource(api, namespaced: namespaced, optional: true, short: api),
            LiveResource(crd, namespaced: namespaced, optional: true, short: crd, unlessServed: api),
        ]
    }

    /// Policy resources of other engines (`kubectl api-resources -o name` spelling) and what
    /// to call them: present, they may deny what kubereach reports as allowed.
    static let unevaluated: [(resource: String, kind: String)] = [
        ("networkpolicies.crd.antrea.io", "Antrea NetworkPolicy"),
        ("clusternetworkpolicies.crd.antrea.io", "Antrea ClusterNetworkPolicy"),
        ("authorizationpolicies.security.istio.io", "Istio AuthorizationPolicy"),
    ]

    /// The namespace arguments of each `kubectl get` for this resource, with the source name.
    func invocations(_ scope: LiveCluster.Scope) -> [(args: [String], name: String)] {
        guard namespaced else { return [([], "cluster:\(short)")] }
        switch scope {
        case .allNamespaces: return [(["--all-namespaces"], "cluster:\(short)")]
        case .namespaces(let list): return list.map { (["--namespace", $0], "cluster:\($0)/\(short)") }
        }
    }
}
