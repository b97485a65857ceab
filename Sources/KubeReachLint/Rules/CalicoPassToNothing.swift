import KubeReachCore

/// A Calico `Pass` hands traffic to the next tier that has a policy for the endpoint; when
/// no later tier does (no Calico policy of a later tier, no Kubernetes NetworkPolicy in a
/// later default tier, no admin policy of a later `kube-admin`/`kube-baseline` tier, where the
/// engine places them as Calico does), the profile decides and
/// allows it: the Pass is an Allow in disguise.
struct CalicoPassToNothing: LintRule {
    let id = "calico-pass-to-nothing"
    let severity = Diagnostic.Severity.warning
    let summary = "A Calico Pass rule hands traffic to later tiers that have no policy for some endpoints: it is allowed"
    let hint = "add the policy of a later tier that should decide (e.g. a default deny in the default tier), or write Allow to say so"

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
        let tiers = cluster.calicoTiers
        let position = Dictionary(tiers.enumerated().map { ($1.tier.name, $0) }, uniquingKeysWith: { a, _ in a })
        let evaluated = CalicoLint.evaluated(cluster)
        var out: [LintFinding] = []
        for site in CalicoLint.sites(cluster) where site.rule.action == .pass {
            guard let here = position[site.policy.tier] else { continue }
            let later = evaluated.filter { (position[$0.tier] ?? 0) > here && $0.types.contains(site.direction) }
            let kubernetesLater = (position["default"] ?? 0) > here
            let admins = cluster.adminPolicies.filter { p in
                let tier = p.tier == .admin ? CalicoTier.kubeAdminName : CalicoTier.kubeBaselineName
                return !p.rules(site.direction).isEmpty && (position[tier] ?? 0) > here
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
