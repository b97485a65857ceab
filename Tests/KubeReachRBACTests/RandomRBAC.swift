import KubeReachCore
import KubeReachRBAC
import KubeReachSynthetic

/// Seeded random RBAC sets over small pools, so that wildcards, resourceNames,
/// subresources, aggregation chains, groups and missing roles all meet often.
struct RandomRBAC {
    var rng: SplitMix64

    static let namespaces = ["a", "b"]
    static let verbs = ["get", "list", "create", "delete", "impersonate", "*"]
    static let groups = ["", "apps", "*"]
    static let resources = ["pods", "pods/exec", "pods/log", "deployments", "secrets", "nodes", "*", "*/exec", "*/log"]
    static let names = ["x", "y"]
    static let urls = ["/healthz", "/metrics", "/api", "/api/*", "/a**", "*"]
    static let users = ["alice", "bob", "system:serviceaccount:a:sa1"]
    static let groupNames = ["dev", "ops", "system:authenticated", "system:serviceaccounts", "system:serviceaccounts:a", "system:masters"]
    static let roleNames = ["r0", "r1", "r2", "r3", "r4"]
    static let aggregationLabels = ["x", "y", "z"]

    mutating func some<T>(_ pool: [T], max: Int) -> [T] { (0..<(1 + rng.below(max))).map { _ in rng.pick(pool) } }

    mutating func rule(nonResourceAllowed: Bool) -> RBACRule {
        if nonResourceAllowed && rng.chance(0.2) {
            return RBACRule(verbs: some(Self.verbs, max: 2), nonResourceURLs: some(Self.urls, max: 2))
        }
        return RBACRule(
            verbs: some(Self.verbs, max: 3), apiGroups: some(Self.groups, max: 2), resources: some(Self.resources, max: 3),
            resourceNames: rng.chance(0.3) ? some(Self.names, max: 2) : [])
    }

    mutating func role(kind: RBACRole.Kind, name: String, namespace: String?) -> RBACRole {
        let rules = (0..<rng.below(4)).map { _ in rule(nonResourceAllowed: kind == .clusterRole) }
        var selectors: [LabelSelector]? = nil
        if kind == .clusterRole && rng.chance(0.4) {
            selectors = (0..<(1 + rng.below(2))).map { _ in LabelSelector(matchLabels: ["agg": rng.pick(Self.aggregationLabels)]) }
        }
        let labels = rng.chance(0.7) ? ["agg": rng.pick(Self.aggregationLabels)] : [:]
        return RBACRole(kind: kind, namespace: namespace, name: name, labels: labels, rules: rules, aggregationSelectors: selectors)
    }

    mutating func subject(bindingNamespace: String?) -> RBACSubject {
        switch rng.below(3) {
        case 0: return RBACSubject(kind: .user, name: rng.pick(Self.users))
        case 1: return RBACSubject(kind: .group, name: rng.pick(Self.groupNames.filter { $0 != "system:masters" }))
        default: return RBACSubject(kind: .serviceAccount, name: rng.pick(["sa1", "sa2"]), namespace: rng.pick(Self.namespaces))
        }
    }

    mutating func identity() -> IdentityObjects {
        var roles: [RBACRole] = []
        for name in Self.roleNames where rng.chance(0.8) { roles.append(role(kind: .clusterRole, name: name, namespace: nil)) }
        for ns in Self.namespaces {
            for name in Self.roleNames.prefix(3) where rng.chance(0.5) { roles.append(role(kind: .role, name: name, namespace: ns)) }
        }
        var bindings: [RBACBinding] = []
        for i in 0..<(1 + rng.below(6)) {
            let cluster = rng.chance(0.4)
            let ns = cluster ? nil : rng.pick(Self.namespaces)
            let roleKind: RBACRole.Kind = cluster || rng.chance(0.5) ? .clusterRole : .role
            let subjects = (0..<(1 + rng.below(3))).map { _ in subject(bindingNamespace: ns) }
            bindings.append(
                RBACBinding(
                    kind: cluster ? .clusterRoleBinding : .roleBinding, namespace: ns, name: "b\(i)", roleKind: roleKind,
                    roleName: rng.pick(Self.roleNames), subjects: subjects))
        }
        return IdentityObjects(roles: roles, bindings: bindings)
    }

    mutating func request() -> AccessRequest {
        if rng.chance(0.15) {
            return AccessRequest(
                verb: rng.pick(Self.verbs),
                target: .nonResource(path: rng.pick(["/healthz", "/metrics", "/api", "/api/v1", "/a", "/ab", "*"])))
        }
        let combined = rng.pick(["pods", "pods/exec", "pods/log", "deployments", "deployments/scale", "secrets", "nodes", "*"])
        let parts = combined.split(separator: "/").map(String.init)
        return AccessRequest(
            verb: rng.pick(Self.verbs),
            target: .resource(group: rng.pick(["", "apps", "*"]), resource: parts[0], subresource: parts.count > 1 ? parts[1] : ""),
            namespace: rng.chance(0.3) ? nil : rng.pick(Self.namespaces + ["c"]), name: rng.chance(0.5) ? rng.pick(Self.names + ["z"]) : nil
        )
    }

    mutating func requester() -> (user: String, groups: [String]) {
        switch rng.below(4) {
        case 0:
            let r = Requester.serviceAccount(namespace: rng.pick(Self.namespaces), name: rng.pick(["sa1", "sa2"]))
            return (r.user, r.groups)
        case 1: return ("", ["dev", "system:authenticated"])
        default:
            var groups = ["system:authenticated"]
            if rng.chance(0.5) { groups.append(rng.pick(Self.groupNames)) }
            return (rng.pick(Self.users), groups)
        }
    }
}
