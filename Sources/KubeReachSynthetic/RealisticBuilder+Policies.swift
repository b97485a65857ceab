/// NetworkPolicy specs of the realistic dump: one default deny with DNS per namespace,
/// then per-application rules (same namespace on a named port, cross-namespace by team,
/// internet ingress with excepts, IPv6 egress).
extension RealisticBuilder {
    func defaultDeny() -> Pairs {
        [
            ("podSelector", .map([])), ("policyTypes", .list([.string("Ingress"), .string("Egress")])),
            (
                "egress",
                .list([
                    .map([
                        (
                            "to",
                            .list([
                                .map([
                                    ("namespaceSelector", matchLabels([("kubernetes.io/metadata.name", "kube-system")])),
                                    ("podSelector", matchLabels([("k8s-app", "kube-dns")])),
                                ])
                            ])
                        ),
                        ("ports", .list(["UDP", "TCP"].map { .map([("port", .int(53)), ("protocol", .string($0))]) })),
                    ])
                ])
            ),
        ]
    }

    mutating func policySpec(apps: Int) -> Pairs {
        let app = "app\(rng.below(max(apps, 1)))"
        switch rng.below(4) {
        case 0:
            return [
                ("podSelector", matchLabels([("app", app)])), ("policyTypes", .list([.string("Ingress")])),
                (
                    "ingress",
                    .list([
                        .map([
                            ("from", .list([.map([("podSelector", .map([]))])])),
                            ("ports", .list([.map([("port", .string("http")), ("protocol", .string("TCP"))])])),
                        ])
                    ])
                ),
            ]
        case 1:
            let peer = ObjectValue.map([
                ("namespaceSelector", matchLabels([("team", rng.pick(RealisticObjects.teams))])),
                ("podSelector", matchLabels([("tier", "api")])),
            ])
            return ingress(selecting: ("tier", rng.pick(RealisticObjects.tiers)), from: peer, port: ("endPort", 8090, 8080))
        case 2:
            let except = [ObjectValue.string("10.0.0.0/8"), .string("172.\(16 + rng.below(16)).0.0/16")]
            let peer = ObjectValue.map([("ipBlock", .map([("cidr", .string("0.0.0.0/0")), ("except", .list(except))]))])
            return ingress(selecting: ("tier", "web"), from: peer, port: nil)
        default:
            return [
                ("podSelector", matchLabels([("app", app)])), ("policyTypes", .list([.string("Egress")])),
                (
                    "egress",
                    .list([
                        .map([
                            (
                                "to",
                                .list([
                                    .map([("ipBlock", .map([("cidr", .string("203.0.\(rng.below(256)).0/24"))]))]),
                                    .map([("ipBlock", .map([("cidr", .string("2001:db8:\(String(rng.below(65536), radix: 16))::/48"))]))]),
                                ])
                            ),
                            ("ports", .list([.map([("port", .int(443)), ("protocol", .string("TCP"))])])),
                        ]), .map([("to", .list([.map([("podSelector", .map([]))])]))]),
                    ])
                ),
            ]
        }
    }

    /// An Ingress policy for the pods labelled `label`, from `peer`, on TCP 443 or a port range.
    func ingress(selecting label: (String, String), from peer: ObjectValue, port range: (String, Int, Int)?) -> Pairs {
        var port: Pairs = [("port", .int(range?.2 ?? 443)), ("protocol", .string("TCP"))]
        if let range { port.append((range.0, .int(range.1))) }
        let rule = ObjectValue.map([("from", .list([peer])), ("ports", .list([.map(port)]))])
        return [("podSelector", matchLabels([label])), ("policyTypes", .list([.string("Ingress")])), ("ingress", .list([rule]))]
    }

    func matchLabels(_ pairs: [(String, String)]) -> ObjectValue { .map([("matchLabels", .map(pairs.map { ($0.0, .string($0.1)) }))]) }
}
