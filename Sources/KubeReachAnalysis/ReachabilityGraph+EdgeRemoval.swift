import KubeReachCore

extension ReachabilityGraph {
    /// The policy change that removes the edge a → b (as `exposure`'s chokepoints say it),
    /// with the rules that admit it today: where to make the change.
    public struct EdgeRemoval: Sendable, Hashable {
        public var change: String
        /// The NetworkPolicy rules letting the pair through (empty when nothing isolates it).
        public var rules: [SourceLocation]
    }

    /// - Complexity: one explanation of one allowed pair of the edge.
    public func removal(_ a: Int, _ b: Int, _ reach: Reachability, _ explainer: Explainer) -> EdgeRemoval {
        let change = change(a, b, reach, explainer)
        guard let (src, dst) = witness(a, b, reach) else { return EdgeRemoval(change: change, rules: []) }
        let e = explainer.explain(src, .pod(dst), sourceName: names[a], destinationName: names[b])
        let side = e.ingress.status == .isolated && !e.ingress.matches.isEmpty ? e.ingress : e.egress
        let rules = side.status == .isolated ? side.matches.compactMap(\.ruleLocation) : []
        return EdgeRemoval(change: change, rules: rules)
    }
}
