/// Equal `order`s where Calico's evaluation order matters: two enforced policies of one tier
/// (or a default-tier policy at 1000, beside the Kubernetes NetworkPolicies), or two tiers (Calico's
/// own default tier among them when the input leaves it implicit).
/// Calico then falls back to names, which is rarely what the author meant: each later one
/// is reported at its `spec.order`, naming the one it ties with and where that is.
enum CalicoOrderTies {
    static func diagnostics(_ cluster: Cluster) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Calico's own default tier (order 1,000,000) counts when the input does not define it:
        // a user tier at that order ties with it, and is the one reported.
        let implicitDefault = !cluster.calico.tiers.isEmpty && !cluster.calico.tiers.contains { $0.name == "default" }
        let tiers = implicitDefault ? cluster.calico.tiers + [CalicoTier.builtInDefault] : cluster.calico.tiers
        for (earlier, later) in neighboursTying(tiers, \.order, \.name) {
            let builtIn = implicitDefault && (earlier.name == "default" || later.name == "default")
            let (reported, other) = builtIn && later.name == "default" ? (earlier, later) : (later, earlier)
            let with = builtIn ? "Calico's built-in Tier default" : "Tier \(other.name)\(at(other.location))"
            out.append(
                Diagnostic(
                    .warning,
                    "order \(text(reported.order!)) ties with \(with): Calico then orders the tiers by name, \(earlier.name) first",
                    location: reported.location, object: "Tier \(reported.name)", fieldPath: "spec.order"))
        }
        let policies = cluster.calico.policies.filter { !$0.staged && $0.hostOnlyFields.isEmpty && $0.order != nil }
        for tier in Dictionary(grouping: policies, by: \.tier).values {
            for (earlier, later) in neighboursTying(tier, \.order, \.name) {
                out.append(
                    Diagnostic(
                        .warning,
                        "order \(text(later.order!)) ties with \(earlier.kind) \(earlier.qualifiedName)\(at(earlier.location)) in tier \(later.tier): Calico then evaluates them by name, \(earlier.name) first",
                        location: later.location, object: "\(later.kind) \(later.qualifiedName)", fieldPath: "spec.order"))
            }
        }
        if !cluster.policies.isEmpty {
            for policy in policies where policy.tier == "default" && policy.order == 1000 {
                out.append(
                    Diagnostic(
                        .warning,
                        "order 1000 ties with the Kubernetes NetworkPolicies (default tier, order 1000): Calico then evaluates by name, the NetworkPolicies as knp.default.<name>",
                        location: policy.location, object: "\(policy.kind) \(policy.qualifiedName)", fieldPath: "spec.order"))
            }
        }
        return out.sorted { ($0.location ?? SourceLocation(file: "")) < ($1.location ?? SourceLocation(file: "")) }
    }

    /// Neighbours in evaluation order (by order, then name) whose set orders are equal.
    private static func neighboursTying<T>(_ items: [T], _ order: (T) -> Double?, _ name: (T) -> String) -> [(T, T)] {
        let sorted = items.filter { order($0) != nil }.sorted { CalicoOrder.precedes(order($0), name($0), order($1), name($1)) }
        return zip(sorted, sorted.dropFirst()).filter { order($0.0) == order($0.1) }
    }

    /// `100`, or `100.5` when the order is not whole.
    private static func text(_ order: Double) -> String {
        order == order.rounded() && abs(order) < 1e15 ? String(Int(order)) : String(order)
    }

    private static func at(_ location: SourceLocation?) -> String {
        guard let location, !location.file.isEmpty else { return "" }
        return " (\(location))"
    }
}
