/// Seeded ServiceAccounts, Roles/ClusterRoles and bindings over a synthetic cluster's
/// namespaces (`ns0`…), for the attack graph's benchmark: mostly namespaced read and deploy
/// roles bound to the namespace's accounts, some aggregated ClusterRoles, and a few powerful
/// rights (exec, secrets, cluster-wide) so that paths exist.
public struct SyntheticRBAC: Sendable {
    public var namespaces: Int
    public var serviceAccounts: Int
    /// Roles and ClusterRoles together (about one in ten is a ClusterRole).
    public var roles: Int
    /// RoleBindings and ClusterRoleBindings together (about one in twenty is cluster-wide).
    public var bindings: Int
    /// Long-lived token Secrets (`kubernetes.io/service-account-token`), for accounts spread evenly.
    public var tokenSecrets = 0
    public var seed: UInt64

    public init(namespaces: Int, serviceAccounts: Int, roles: Int, bindings: Int, seed: UInt64 = 1) {
        self.namespaces = max(1, namespaces)
        self.serviceAccounts = serviceAccounts
        self.roles = roles
        self.bindings = bindings
        self.seed = seed
    }

    static let rules = [
        "{apiGroups: [\"\"], resources: [pods, services, configmaps], verbs: [get, list, watch]}",
        "{apiGroups: [apps], resources: [deployments, statefulsets], verbs: [get, list, create, patch]}",
        "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}",
        "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}",
        "{apiGroups: [\"\"], resources: [secrets], resourceNames: [db-password], verbs: [get]}",
        "{apiGroups: [batch], resources: [jobs, cronjobs], verbs: [create]}",
        "{apiGroups: [\"\"], resources: [pods/log, events], verbs: [get, list]}",
        "{apiGroups: [\"\"], resources: [pods], verbs: [create, delete]}",
    ]

    public func manifests() -> String {
        var rng = SplitMix64(seed: seed &+ 0x5EED)
        var out = ""
        for i in 0..<serviceAccounts {
            out += "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa\(i), namespace: ns\(i % namespaces)}\n"
            if rng.chance(0.3) { out += "automountServiceAccountToken: false\n" }
        }
        if serviceAccounts > 0 {
            for t in 0..<tokenSecrets {
                let i = t * serviceAccounts / max(1, tokenSecrets)
                out +=
                    "---\napiVersion: v1\nkind: Secret\nmetadata: {name: sa\(i)-token, namespace: ns\(i % namespaces), annotations: {kubernetes.io/service-account.name: sa\(i)}}\ntype: kubernetes.io/service-account-token\n"
            }
        }
        let clusterRoles = max(1, roles / 10)
        for i in 0..<roles {
            let rules = (0..<(1 + rng.below(3))).map { _ in "- " + rng.pick(Self.rules) }.joined(separator: "\n")
            if i < clusterRoles {
                let aggregated = i % 5 == 1
                out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                out += "metadata: {name: cr\(i), labels: {synthetic.example/aggregate: \"\(i % 5 == 2)\"}}\n"
                out +=
                    aggregated
                    ? "aggregationRule:\n  clusterRoleSelectors: [{matchLabels: {synthetic.example/aggregate: \"true\"}}]\n"
                    : "rules:\n\(rules)\n"
            } else {
                out +=
                    "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: role\(i), namespace: ns\(i % namespaces)}\nrules:\n\(rules)\n"
            }
        }
        var rolesIn: [Int: [Int]] = [:]
        for i in clusterRoles..<max(clusterRoles, roles) { rolesIn[i % namespaces, default: []].append(i) }
        for i in 0..<bindings {
            let sa = serviceAccounts > 0 ? rng.below(serviceAccounts) : 0
            let subject = "{kind: ServiceAccount, name: sa\(sa), namespace: ns\(sa % namespaces)}"
            if i % 20 == 0 {
                out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: crb\(i)}\n"
                out +=
                    "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr\(rng.below(clusterRoles))}\nsubjects: [\(subject)]\n"
                continue
            }
            // A RoleBinding in the account's namespace, to one of its Roles or to a ClusterRole.
            let ns = sa % namespaces
            let local = rolesIn[ns] ?? []
            let ref =
                local.isEmpty || rng.chance(0.2)
                ? "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr\(rng.below(clusterRoles))}"
                : "{apiGroup: rbac.authorization.k8s.io, kind: Role, name: role\(rng.pick(local))}"
            out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb\(i), namespace: ns\(ns)}\n"
            out += "roleRef: \(ref)\nsubjects: [\(subject)]\n"
        }
        return out
    }
}
