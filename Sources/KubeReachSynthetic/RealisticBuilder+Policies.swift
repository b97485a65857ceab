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
            return [
                ("podSelector", matchLabels([("tier", rng.pick(RealisticObjects.tiers))])), ("policyTypes", .list([.string("Ingress")])),
                (
                    "ingress",
                    .list([
                        .map([
                            (
                                "from",
                                .list([
                                    .map([
                                        ("namespaceSelector", matchLabels([("team", rng.pick(RealisticObjects.teams))])),
                                        ("podSelector", matchLabels([("tier", "api")])),
                                    ])
                                ])
                            ),
                            ("ports", .list([.map([("endPort", .int(8090)), ("port", .int(8080)), ("protocol", .string("TCP"))])])),
                        ])
                    ])
                ),
            ]
        case 2:
            return [
                ("podSelector", matchLabels([("tier", "web")])), ("policyTypes", .list([.string("Ingress")])),
                (
                    "ingress",
                    .list([
                        .map([
                            (
                                "from",
                                .list([
                                    .map([
                                        (
                                            "ipBlock",
                                            .map([
                                                ("cidr", .string("0.0.0.0/0")),
                                                ("except", .list([.string("10.0.0.0/8"), .string("172.\(16 + rng.below(16)).0.0/16")])),
                                            ])
                                        )
                                    ])
                                ])
                            ),
                            ("ports", .list([.map([("port", .int(443)), ("protocol", .string("TCP"))])])),
                        ])
                    ])
                ),
            ]
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

    func matchLabels(_ pairs: [(String, String)]) -> ObjectValue { .map([("matchLabels", .map(pairs.map { ($0.0, .string($0.1)) }))]) }
}
