import KubeReachCore

/// A Calico `Pass` hands traffic to the next tier that has a policy for the endpoint; when
/// no later tier does (no Calico policy of a later tier, no Kubernetes NetworkPolicy in a
/// later default tier, no admin policy of a later admin tier), the profile decides and
/// allows it: the Pass is an Allow in disguise.
struct CalicoPassToNothing: LintRule {
    let id = "calico-pass-to-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A Calico Pass rule hands traffic to later tiers that have no policy for some endpoints: it is allowed"
    let hint = "add the policy of a later tier that should decide (e.g. a default deny in the default tier), or write Allow to say so"

    /// Where Calico places the tiers of AdminNetworkPolicies/Admin ClusterNetworkPolicies
    /// (`kube-admin`, order 1,000) and of the Baseline tier (`kube-baseline`, 10,000,000).
    static let adminTier = (order: 1000.0, name: "kube-admin")
    static let baselineTier = (order: 10_000_000.0, name: "kube-baseline")

    var triggering: [String] {
        [
            Example.pod("web") + CalicoLint.tier("security", order: 100)
                + CalicoLint.policy("delegate", ns: nil, "  tier: security\n  ingress:\n  - action: Pass\n    source: {nets: [10.0.0.0/8]}")
        ]
    }
    var nonTriggering: [String] {
        [
            // A Kubernetes NetworkPolicy in the (later) default tier decides.
            Example.pod("web") + CalicoLint.tier("security", order: 100)
                + CalicoLint.policy("delegate", ns: nil, "  tier: security\n  ingress:\n  - action: Pass\n    source: {nets: [10.0.0.0/8]}")
                + Example.denyAll,
            // A Calico policy of a later tier decides.
            Example.pod("web") + CalicoLint.tier("security", order: 100) + CalicoLint.tier("app", order: 200)
                + CalicoLint.policy("delegate", ns: nil, "  tier: security\n  ingress:\n  - action: Pass")
                + CalicoLint.policy("decide", "  tier: app\n  selector: app == 'web'\n  ingress:\n  - action: Allow\n    protocol: TCP"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let tiers = cluster.calico.orderedTiers
        let position = Dictionary(tiers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let enforced = cluster.calico.policies.filter { !$0.staged }
        let defaultIndex = position["default"] ?? tiers.count
        var out: [LintFinding] = []
        for site in CalicoLint.sites(cluster) where site.rule.action == .pass {
            let here = position[site.policy.tier] ?? tiers.count
            let tier = tiers.indices.contains(here) ? tiers[here] : CalicoTier(name: site.policy.tier, order: nil)
            let later = enforced.filter { (position[$0.tier] ?? tiers.count) > here && $0.types.contains(site.direction) }
            let kubernetesLater = defaultIndex > here
            let adminLater = CalicoOrder.precedes(tier.order, tier.name, Self.adminTier.order, Self.adminTier.name)
            let baselineLater = CalicoOrder.precedes(tier.order, tier.name, Self.baselineTier.order, Self.baselineTier.name)
            let admins = cluster.adminPolicies.filter {
                !$0.rules(site.direction).isEmpty && ($0.tier == .admin ? adminLater : baselineLater)
            }.map { Set(context.subjects(of: $0)) }
            let bare = cluster.pods.indices.filter { i in
                let pod = cluster.pods[i]
                guard context.calicoApplies(site.policy, to: pod) == true else { return false }
                return !later.contains { context.calicoApplies($0, to: pod) != false }
                    && !(kubernetesLater && !context.isolating(pod, site.direction).isEmpty)
                    && !admins.contains { $0.contains(i) }
            }.map { cluster.pods[$0] }
            guard let first = bare.first else { continue }
            out.append(
                finding(
                    "\(site.policy.qualifiedName) rule \(site.path) passes \(site.direction.rawValue.lowercased()) traffic of \(bare.count) pod(s) (e.g. \(first.qualifiedName)) that no policy of a later tier applies to: the profile allows it",
                    calico: site.policy, field: site.path, at: site.rule.location))
        }
        return out
    }
}
