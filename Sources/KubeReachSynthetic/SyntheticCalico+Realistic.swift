/// The `realistic` Calico mix: what a cluster running Calico typically holds, so that a
/// benchmark measures evaluation rather than an answer blown up by random rules.
///
/// - Tiers `security`, `platform`, `compliance`, `observability`, `app` (then `app2`, …),
///   orders 100, 200, …; each ends in a Pass to the next tier: every other tier by a
///   `<tier>.pass-rest` GlobalNetworkPolicy at order 10000, the others by `defaultAction: Pass`.
/// - Guardrails as GlobalNetworkPolicies: security denies the metadata address and a threat
///   feed (a GlobalNetworkSet), platform allows DNS to kube-dns, compliance denies dev → prod,
///   observability lets team0's batch pods scrape `metrics`.
/// - `default-deny` in the default tier at order 2000 (after the Kubernetes NetworkPolicies at
///   1000), every namespace but kube-system, with DNS allowed.
/// - The rest namespaced NetworkPolicies, half in the app tiers and half in the default tier,
///   each for one app or tier of its namespace: ingress from web/api pods, db ingress from one
///   team's api pods, egress to partner network sets or an external range on 443, ingress
///   from the `default` service account on `metrics`, a Deny from dev namespaces before an
///   Allow for workers.
///
/// Every CIDR is IPv4 outside the pod network (documentation and benchmark ranges, the
/// metadata address), so no pod is told apart by its address family; orders never tie within a tier.
extension SyntheticCalico {
    static let realisticTierNames = ["security", "platform", "compliance", "observability", "app"]
    static let externalRanges = ["203.0.113.0/24", "198.51.100.0/24", "8.8.8.8/32", "1.1.1.0/24"]
    static let dnsRule =
        "    destination:\n      selector: \"k8s-app == 'kube-dns'\"\n      namespaceSelector: \"projectcalico.org/name == 'kube-system'\"\n      ports: [53]\n"

    func realisticManifests() -> String {
        var rng = SplitMix64(seed: seed &+ 0x7EA1)
        let tierNames = (0..<tiers).map { $0 < 5 ? Self.realisticTierNames[$0] : "app\($0 - 3)" }
        var out = ""
        for (t, name) in tierNames.enumerated() {
            out +=
                "---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: \(name)}\nspec:\n  order: \((t + 1) * 100)\(t % 2 == 1 ? "\n  defaultAction: Pass" : "")\n"
        }
        out += realisticNetworkSets()
        var cluster = [defaultDeny]
        for (t, name) in tierNames.enumerated() {
            cluster += guardrails(name)
            if t % 2 == 0 { cluster.append(passRest(name)) }
        }
        for text in cluster.prefix(policies) { out += text }
        let appTiers = Array(tierNames.dropFirst(4))
        for i in 0..<max(0, policies - cluster.count) {
            let tier = i % 2 == 0 && !appTiers.isEmpty ? appTiers[i / 2 % appTiers.count] : nil
            out += namespacedPolicy(i, tier: tier, &rng)
        }
        return out
    }

    private func realisticNetworkSets() -> String {
        var out =
            "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: threat-feed, labels: {feed: threats}}\nspec:\n  nets: [192.0.2.0/25, 198.18.0.0/15]\n"
        out +=
            "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: partners, labels: {role: partners}}\nspec:\n  nets: [203.0.113.0/24, 192.0.2.128/25]\n"
        for s in 0..<min(namespaces, 5) {
            out +=
                "---\napiVersion: projectcalico.org/v3\nkind: NetworkSet\nmetadata: {name: office, namespace: ns\(s), labels: {role: partners}}\nspec:\n  nets: [198.51.100.\(s * 16)/28]\n"
        }
        return out
    }

    private var defaultDeny: String {
        globalPolicy(
            "default-deny", tier: nil, order: 2000, selector: "projectcalico.org/namespace not in {'kube-system'}",
            body: "  types: [Ingress, Egress]\n  egress:\n  - action: Allow\n    protocol: UDP\n" + Self.dnsRule)
    }

    private func passRest(_ tier: String) -> String {
        globalPolicy(
            "\(tier).pass-rest", tier: tier, order: 10000, selector: "all()",
            body: "  types: [Ingress, Egress]\n  ingress:\n  - action: Pass\n  egress:\n  - action: Pass\n")
    }

    /// The cluster-wide policies of a tier, by its role: name, order, selector and the rest of the spec.
    static let guardrails: [String: [(name: String, order: Int, selector: String, body: String)]] = [
        "security": [
            (
                "block-metadata", 100, "all()",
                "  types: [Egress]\n  egress:\n  - action: Deny\n    destination:\n      nets: [169.254.169.254/32]\n"
            ),
            (
                "threat-feed", 200, "all()",
                "  types: [Ingress, Egress]\n  ingress:\n  - action: Deny\n    source:\n      selector: \"feed == 'threats'\"\n  egress:\n  - action: Deny\n    destination:\n      selector: \"feed == 'threats'\"\n"
            ),
        ],
        "platform": [
            (
                "allow-dns", 100, "all()",
                "  types: [Egress]\n  egress:\n  - action: Allow\n    protocol: UDP\n" + dnsRule + "  - action: Allow\n    protocol: TCP\n"
                    + dnsRule
            )
        ],
        "compliance": [
            (
                "no-dev-to-prod", 100, "all()",
                "  namespaceSelector: \"env == 'prod'\"\n  types: [Ingress]\n  ingress:\n  - action: Deny\n    source:\n      namespaceSelector: \"env == 'dev'\"\n"
            )
        ],
        "observability": [
            (
                "allow-scrape", 100, "has(app)",
                "  types: [Ingress]\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source:\n      selector: \"tier == 'batch'\"\n      namespaceSelector: \"team == 'team0'\"\n    destination:\n      ports: [metrics, 9187]\n"
            )
        ],
    ]

    private func guardrails(_ tier: String) -> [String] {
        (Self.guardrails[tier] ?? []).map {
            globalPolicy("\(tier).\($0.name)", tier: tier, order: $0.order, selector: $0.selector, body: $0.body)
        }
    }

    private func globalPolicy(_ name: String, tier: String?, order: Int, selector: String, body: String) -> String {
        "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: \(name)}\nspec:\n"
            + (tier.map { "  tier: \($0)\n" } ?? "") + "  order: \(order)\n  selector: \"\(selector)\"\n" + body
    }

    /// One app team's policy in namespace `ns<i % namespaces>` for one of its apps (apps
    /// `app<k>` live in namespace `k % namespaces`).
    private func namespacedPolicy(_ i: Int, tier: String?, _ rng: inout SplitMix64) -> String {
        let ns = i % namespaces
        let app = "app\(ns + namespaces * rng.below(4))"
        let name = tier.map { "\($0).np\(i)" } ?? "np\(i)"
        var spec = (tier.map { "  tier: \($0)\n" } ?? "") + "  order: \(100 + i)\n"
        switch rng.below(6) {
        case 0:
            spec +=
                "  selector: \"app == '\(app)'\"\n  types: [Ingress]\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source:\n      selector: \"tier in {'web', 'api'}\"\n    destination:\n      ports: [http]\n"
        case 1:
            spec +=
                "  selector: \"tier == 'db'\"\n  types: [Ingress]\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source:\n      selector: \"tier == 'api'\"\n      namespaceSelector: \"team == 'team\(rng.below(12))'\"\n    destination:\n      ports: [5432]\n"
        case 2:
            let sets = ns < 5 && rng.chance(0.5) ? "" : "\n      namespaceSelector: global()"
            spec +=
                "  selector: \"app == '\(app)'\"\n  types: [Egress]\n  egress:\n  - action: Allow\n    protocol: TCP\n    destination:\n      selector: \"role == 'partners'\"\(sets)\n      ports: [443]\n"
        case 3:
            spec +=
                "  selector: \"app == '\(app)'\"\n  types: [Ingress]\n  ingress:\n  - action: Allow\n    protocol: TCP\n    source:\n      serviceAccounts:\n        names: [default]\n    destination:\n      ports: [metrics]\n"
        case 4:
            spec +=
                "  selector: \"app == '\(app)'\"\n  types: [Egress]\n  egress:\n  - action: Allow\n    protocol: TCP\n    destination:\n      nets: ['\(rng.pick(Self.externalRanges))']\n      ports: [443]\n"
        default:
            spec +=
                "  selector: \"tier == 'db'\"\n  types: [Ingress]\n  ingress:\n  - action: Deny\n    source:\n      namespaceSelector: \"env == 'dev'\"\n  - action: Allow\n    protocol: TCP\n    source:\n      selector: \"tier == 'worker'\"\n    destination:\n      ports: [db]\n"
        }
        return "---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: ns\(ns)}\nspec:\n" + spec
    }
}
