import KubeReachCore

/// Which objects the loader reads, by kind **and** API group: a Knative
/// `serving.knative.dev/v1` Service or a Calico `projectcalico.org/v3` NetworkPolicy shares a
/// kind name with a core object but is something else, and must not be read as it.
enum KindTable {
    /// The API groups each read kind is accepted from (`""` is the core group). Old groups
    /// (`extensions`, `apps/v1beta*`) are accepted: their fields are the same for our purposes.
    static let groups: [String: Set<String>] = [
        "Namespace": [""], "Pod": [""], "Service": [""], "ReplicationController": [""],
        "Deployment": ["apps", "extensions"], "ReplicaSet": ["apps", "extensions"],
        "DaemonSet": ["apps", "extensions"], "StatefulSet": ["apps"],
        "Job": ["batch"], "CronJob": ["batch"],
        "NetworkPolicy": ["networking.k8s.io", "extensions"],
        "AdminNetworkPolicy": ["policy.networking.k8s.io"], "BaselineAdminNetworkPolicy": ["policy.networking.k8s.io"],
        "Node": [""],
        "ServiceAccount": [""], "Secret": [""],
        "Role": ["rbac.authorization.k8s.io"], "ClusterRole": ["rbac.authorization.k8s.io"],
        "RoleBinding": ["rbac.authorization.k8s.io"], "ClusterRoleBinding": ["rbac.authorization.k8s.io"],
        "ClusterNetworkPolicy": ["policy.networking.k8s.io"],
        "CiliumNetworkPolicy": ["cilium.io"], "CiliumClusterwideNetworkPolicy": ["cilium.io"],
    ]

    /// Calico's API groups: the aggregated API and the CRDs behind it (in dumps).
    static let calicoGroups: Set<String> = ["projectcalico.org", "crd.projectcalico.org"]
    static let calicoKinds: Set<String> = [
        "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy", "Tier", "NetworkSet",
        "GlobalNetworkSet",
    ]
    static let calicoClusterScoped: Set<String> = ["GlobalNetworkPolicy", "StagedGlobalNetworkPolicy", "Tier", "GlobalNetworkSet"]

    /// Whether the object is one of the Calico kinds kubereach reads.
    static func isCalico(kind: String, apiVersion: String) -> Bool {
        calicoKinds.contains(kind) && calicoGroups.contains(group(of: apiVersion))
    }

    /// Kinds without a namespace.
    static let clusterScoped: Set<String> = [
        "Namespace", "Node", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy",
        "ClusterRole", "ClusterRoleBinding", "ClusterNetworkPolicy", "CiliumClusterwideNetworkPolicy", "CiliumNode",
        "CiliumCIDRGroup",
    ]

    /// RBAC objects are named by path segment (`system:node-proxier`), not DNS subdomain.
    static let pathSegmentNamed: Set<String> = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]

    /// The API group of an `apiVersion` (`v1` → `""`, `apps/v1` → `apps`).
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The NetworkPolicy versions ever served: `networking.k8s.io/v1`, and
    /// `extensions/v1beta1` (removed in Kubernetes 1.16; read, with a warning, since its
    /// fields are v1's). `networking.k8s.io/v1beta1` never had a NetworkPolicy.
    static let networkPolicyVersions: Set<String> = ["networking.k8s.io/v1", "extensions/v1beta1"]

    /// Whether an object of this kind and apiVersion is read into the cluster.
    static func isRead(kind: String, apiVersion: String) -> Bool {
        guard groups[kind]?.contains(group(of: apiVersion)) ?? false else { return false }
        return kind != "NetworkPolicy" || networkPolicyVersions.contains(apiVersion)
    }

    /// The kind meant when `kind` is a read kind spelled in another case (`networkpolicy`):
    /// kinds are case-sensitive, so the API server refuses it, and the loader skips it with
    /// a warning instead of silently.
    static func miscased(_ kind: String) -> String? {
        guard groups[kind] == nil else { return nil }
        let lower = kind.lowercased()
        return groups.keys.first { $0.lowercased() == lower }
    }

    /// How a skipped object is counted: the kind alone when no read kind has that name,
    /// else `apiVersion Kind` so that it is not mistaken for the core object.
    static func skippedKey(kind: String, apiVersion: String) -> String {
        groups[kind] == nil ? kind : "\(apiVersion) \(kind)"
    }

    /// Kinds of other policy engines, whose presence makes answers possibly incomplete.
    /// A NetworkPolicy of another group (Calico's) is reported under `group NetworkPolicy`.
    static func unevaluatedPolicyKind(kind: String, apiVersion: String) -> String? {
        if kind == "NetworkPolicy" && !isRead(kind: kind, apiVersion: apiVersion) {
            let g = group(of: apiVersion)
            // A version of our own group that was never served is named in full.
            return g == "networking.k8s.io" || g == "extensions" ? "\(apiVersion) NetworkPolicy" : "\(g) NetworkPolicy"
        }
        if let meant = miscased(kind), meant.hasSuffix("NetworkPolicy") { return "\(kind) (not \(meant))" }
        return ForeignPolicyKinds.names.contains(kind) ? kind : nil
    }
}
