import KubeReachCore
import KubeReachRBAC

/// A reference RBAC evaluator written straight from the upstream rules (rbac/v1 helpers
/// and the authorizer's `VisitRulesFor`), rule by rule, with no index or compilation, for
/// the differential test. Aggregation is the transitive closure of "selects", found by a
/// depth-first walk (the engine iterates to a fixpoint instead).
enum NaiveRBAC {
    static func rules(of index: Int, in roles: [RBACRole]) -> [RBACRule] {
        var visited: Set<Int> = [index]
        var stack = [index]
        var out: [RBACRule] = []
        while let i = stack.popLast() {
            out += roles[i].rules
            guard roles[i].kind == .clusterRole, let selectors = roles[i].aggregationSelectors else { continue }
            for j in roles.indices where j != i && roles[j].kind == .clusterRole && !visited.contains(j) {
                if selectors.contains(where: { $0.matches(roles[j].labels) }) {
                    visited.insert(j)
                    stack.append(j)
                }
            }
        }
        return out
    }

    static func role(for binding: RBACBinding, in roles: [RBACRole]) -> Int? {
        roles.firstIndex { r in
            r.kind == binding.roleKind && r.name == binding.roleName && (r.kind == .clusterRole || r.namespace == binding.namespace)
        }
    }

    static func subjectApplies(_ s: RBACSubject, _ user: String, _ groups: [String]) -> Bool {
        switch s.kind {
        case .user: return s.name == user
        case .group: return groups.contains(s.name)
        case .serviceAccount: return s.namespace != nil && user == "system:serviceaccount:" + s.namespace! + ":" + s.name
        }
    }

    static func bindingApplies(_ b: RBACBinding, _ request: AccessRequest) -> Bool {
        if b.kind == .clusterRoleBinding { return true }
        if case .nonResource = request.target { return false }
        return request.namespace == b.namespace
    }

    static func ruleAllows(_ rule: RBACRule, _ request: AccessRequest) -> Bool {
        var verbOK = false
        for v in rule.verbs where v == "*" || v == request.verb { verbOK = true }
        if !verbOK { return false }
        switch request.target {
        case .nonResource(let path):
            for u in rule.nonResourceURLs {
                if u == "*" || u == path { return true }
                if u.last == "*" {
                    var prefix = u
                    while prefix.last == "*" { prefix.removeLast() }
                    if path.hasPrefix(prefix) { return true }
                }
            }
            return false
        case .resource(let group, let resource, let sub):
            var groupOK = false
            for g in rule.apiGroups where g == "*" || g == group { groupOK = true }
            if !groupOK { return false }
            let combined = sub == "" ? resource : resource + "/" + sub
            var resourceOK = false
            for r in rule.resources {
                if r == "*" || r == combined { resourceOK = true }
                if sub != "" && r == "*/" + sub { resourceOK = true }
            }
            if !resourceOK { return false }
            if rule.resourceNames.isEmpty { return true }
            guard let name = request.name else { return false }
            return rule.resourceNames.contains(name)
        }
    }

    static func allows(_ identity: IdentityObjects, _ user: String, _ groups: [String], _ request: AccessRequest) -> Bool {
        if groups.contains("system:masters") { return true }
        for b in identity.bindings where bindingApplies(b, request) {
            guard b.subjects.contains(where: { subjectApplies($0, user, groups) }) else { continue }
            guard let r = role(for: b, in: identity.roles) else { continue }
            for rule in rules(of: r, in: identity.roles) where ruleAllows(rule, request) { return true }
        }
        return false
    }

    static func whoCan(_ identity: IdentityObjects, _ request: AccessRequest) -> Set<RBACSubject> {
        var out: Set<RBACSubject> = [RBACSubject(kind: .group, name: "system:masters")]
        for b in identity.bindings where bindingApplies(b, request) {
            guard let r = role(for: b, in: identity.roles) else { continue }
            if rules(of: r, in: identity.roles).contains(where: { ruleAllows($0, request) }) { out.formUnion(b.subjects) }
        }
        return out
    }
}
