import KubeReachCore

/// A rule compiled for lookups: each field a set or "any" (upstream `RuleAllows`, with
/// `*/subresource` and `prefix*` URLs kept apart from exact entries).
struct CompiledRule: Sendable {
    let rule: RBACRule
    private let anyVerb: Bool
    private let verbs: Set<String>
    private let anyGroup: Bool
    private let groups: Set<String>
    private let anyResource: Bool
    private let resources: Set<String>
    /// The `x` of each `*/x` entry.
    private let anyResourceSubresources: Set<String>
    private let names: Set<String>
    private let anyURL: Bool
    private let urls: Set<String>
    /// The prefix of each `prefix*` URL entry.
    private let urlPrefixes: [String]

    init(_ rule: RBACRule) {
        self.rule = rule
        anyVerb = rule.verbs.contains("*")
        verbs = Set(rule.verbs)
        anyGroup = rule.apiGroups.contains("*")
        groups = Set(rule.apiGroups)
        anyResource = rule.resources.contains("*")
        resources = Set(rule.resources)
        anyResourceSubresources = Set(rule.resources.filter { $0.hasPrefix("*/") }.map { String($0.dropFirst(2)) })
        names = Set(rule.resourceNames)
        anyURL = rule.nonResourceURLs.contains("*")
        urls = Set(rule.nonResourceURLs)
        urlPrefixes = rule.nonResourceURLs.filter { $0.hasSuffix("*") }.map { String($0.reversed().drop { $0 == "*" }.reversed()) }
    }

    func allows(_ request: AccessRequest) -> Bool {
        guard anyVerb || verbs.contains(request.verb) else { return false }
        switch request.target {
        case .nonResource(let path):
            return anyURL || urls.contains(path) || urlPrefixes.contains { path.hasPrefix($0) }
        case .resource(let group, let resource, let sub):
            guard anyGroup || groups.contains(group) else { return false }
            let combined = sub.isEmpty ? resource : "\(resource)/\(sub)"
            guard anyResource || resources.contains(combined) || (!sub.isEmpty && anyResourceSubresources.contains(sub)) else {
                return false
            }
            if names.isEmpty { return true }
            return request.name.map { names.contains($0) } ?? false
        }
    }
}
