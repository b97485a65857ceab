import KubeReachCore

/// `metadata.annotations["kubereach.io/lint-disable"]: rule-a,rule-b` on a NetworkPolicy or
/// a Namespace: findings of those rules about that object are not reported.
struct LintSuppression {
    /// Rule ids disabled, by the object name findings carry (`LintObject`).
    private var disabled: [String: Set<String>] = [:]

    init(_ cluster: Cluster) {
        for p in cluster.policies { add(LintObject.policy(p), p.annotations) }
        for ns in cluster.namespaces { add(LintObject.namespace(ns.name), ns.annotations) }
    }

    /// The ids an annotation value lists: comma- (or space-) separated, blanks ignored.
    static func ids(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
    }

    private mutating func add(_ object: String, _ annotations: [String: String]) {
        guard let value = annotations[Annotations.lintDisable] else { return }
        disabled[object] = Set(Self.ids(value))
    }

    func suppresses(_ f: LintFinding) -> Bool {
        guard let object = f.object, let ids = disabled[object] else { return false }
        return ids.contains(f.ruleID)
    }
}
