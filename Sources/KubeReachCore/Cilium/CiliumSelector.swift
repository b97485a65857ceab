/// A Cilium endpoint selector. Keys may carry a label source (`k8s:app`, `any:app`,
/// `reserved:host`); `k8s:` and `any:` (or none) match a pod's labels, so they are
/// stripped, while other sources never name a pod label and are kept as written (a pod
/// then lacks the key). Keys are not validated as Kubernetes label keys: derived keys such
/// as `io.cilium.k8s.namespace.labels.<key>` may exceed their length.
public struct CiliumSelector: Hashable, Sendable, CustomStringConvertible {
    public var selector: LabelSelector

    public init(_ selector: LabelSelector) {
        self.selector = selector
    }

    /// Builds a selector from keys as written, stripping `k8s:` and `any:`.
    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelRequirement] = []) {
        var labels: [String: String] = [:]
        for (k, v) in matchLabels { labels[Self.podKey(k)] = v }
        let expressions = matchExpressions.map { LabelRequirement(key: Self.podKey($0.key), op: $0.op, values: $0.values) }
        selector = LabelSelector(matchLabels: labels, matchExpressions: expressions)
    }

    /// The key a pod label would have: `k8s:app` and `any:app` are `app`; other sources stay.
    public static func podKey(_ key: String) -> String {
        for source in ["k8s:", "any:"] where key.hasPrefix(source) { return String(key.dropFirst(source.count)) }
        return key
    }

    /// Whether the selector reads the pod's namespace or its namespace's labels: a CNP then
    /// does not scope the peer to its own namespace (Cilium's `getEndpointSelector`).
    public var namesNamespace: Bool {
        selector.keys.contains { $0 == CiliumLabels.namespaceKey || $0.hasPrefix(CiliumLabels.namespaceLabelPrefix) }
    }

    /// Keys of a source other than `k8s`/`any` that a match requires (`reserved:host`):
    /// they select Cilium's reserved identities, which endpoint selectors do not model.
    public var requiredForeignSourceKeys: [String] {
        let required = selector.matchLabels.map(\.key) + selector.matchExpressions.filter { $0.op == .in || $0.op == .exists }.map(\.key)
        return required.filter { $0.contains(":") }.sorted()
    }

    public func matches(_ ciliumLabels: [String: String]) -> Bool { selector.matches(ciliumLabels) }

    public var description: String { selector.description }
}
