import KubeReachCore

/// The canonical policies, one or more rows per rule of Docs/semantics.md §1–§7.
enum SemanticsTable {
    typealias B = Build
    static let a = B.pod("a", "web", ["app": "web"], ip: "10.1.0.1")
    static let b = B.pod("a", "db", ["app": "db"], ip: "10.1.0.2", ports: [ContainerPort(name: "pg", port: 5432)])
    static let c = B.pod("b", "web", ["app": "web"], ip: "10.2.0.1")
    static let nsA = Namespace(name: "a", labels: ["team": "x"])
    static let nsB = Namespace(name: "b", labels: ["team": "y"])

    static func cluster(_ policies: [NetworkPolicy], pods: [Pod] = [a, b, c]) -> Cluster {
        Cluster(namespaces: [nsA, nsB], pods: pods, policies: policies)
    }

    static let denyIngressA = B.policy("a", "deny", types: [.ingress])

    static let rows: [SemanticCase] = [
        // 1. Endpoints
        SemanticCase(
            name: "1 NamespaceNameLabelAlwaysPresent",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.namespaces(["kubernetes.io/metadata.name": "b"])])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "1 ImplicitNamespaceHasNameLabel",
            cluster: cluster(
                [B.policy("a", ingress: [B.rule([B.namespaces(["kubernetes.io/metadata.name": "ghost"])])])],
                pods: [a, b, B.pod("ghost", "x")]), src: "ghost/x", dst: "a/db", allowed: true),
        SemanticCase(
            name: "1 HostNetworkPodNotIsolated",
            cluster: cluster([denyIngressA], pods: [a, B.pod("a", "node-agent", ["app": "db"], host: true)]), src: "a/web",
            dst: "a/node-agent", allowed: true),
        SemanticCase(
            name: "1 HostNetworkPodIsolatedWhenApplied",
            cluster: cluster([denyIngressA], pods: [a, B.pod("a", "node-agent", ["app": "db"], host: true)]), src: "a/web",
            dst: "a/node-agent", allowed: false, options: EvaluationOptions(hostNetwork: .apply)),
        // 2. Which policies apply
        SemanticCase(
            name: "2 PolicyInOtherNamespaceDoesNotApply", cluster: cluster([denyIngressA]), src: "a/web", dst: "b/web", allowed: true),
        SemanticCase(
            name: "2 EmptyPodSelectorSelectsWholeNamespace", cluster: cluster([denyIngressA]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "2 UnselectedPodNotIsolated", cluster: cluster([B.policy("a", select: B.labels(["app": "db"]), types: [.ingress])]),
            src: "a/db", dst: "a/web", allowed: true),
        SemanticCase(
            name: "2 TypesAbsentIngressAlwaysIsolated", cluster: cluster([B.policy("a", egress: [B.rule()])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "2 TypesAbsentEgressRulesIsolateEgress",
            cluster: cluster([B.policy("a", select: B.labels(["app": "web"]), egress: [B.rule([B.pods(["app": "db"])])])]), src: "a/web",
            dst: "b/web", allowed: false),
        SemanticCase(
            name: "2 EmptyTypesListIsDefaultedIngressIsolates", cluster: cluster([B.policy("a", types: [])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "2 EmptyTypesListWithEgressRulesIsolatesEgress",
            cluster: cluster([B.policy("a", select: B.labels(["app": "web"]), types: [], egress: [B.rule([B.pods(["app": "db"])])])]),
            src: "a/web", dst: "b/web", allowed: false),
        SemanticCase(
            name: "2 EmptyEgressListWithoutTypesDoesNotIsolate", cluster: cluster([B.policy("a", ingress: [B.rule()], egress: [])]),
            src: "a/web", dst: "b/web", allowed: true),
        SemanticCase(
            name: "2 PolicyTypesEgressIgnoresIngressRules",
            cluster: cluster([B.policy("a", types: [.egress], ingress: [B.rule([B.pods(["app": "nothing"])])], egress: [B.rule()])]),
            src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "2 PolicyTypesIngressWithoutRulesDeniesAll", cluster: cluster([B.policy("a", types: [.ingress])]), src: "a/web",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "2 UnionOfTwoPolicies",
            cluster: cluster([
                B.policy("a", "p1", ingress: [B.rule([B.pods(["app": "nobody"])])]),
                B.policy("a", "p2", ingress: [B.rule([], [B.tcp(80)])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        // 3. When a connection is allowed
        SemanticCase(
            name: "3 SelfTrafficAlwaysAllowed", cluster: cluster([B.policy("a", types: [.ingress, .egress])]), src: "a/db", dst: "a/db",
            allowed: true),
        SemanticCase(
            name: "3 EgressDenialWinsOverIngressAllow",
            cluster: cluster([B.policy("b", types: [.egress]), B.policy("a", ingress: [B.rule()])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "3 ExternalSourceOnlyIngressMatters", cluster: cluster([B.policy("a", ingress: [B.rule([B.block("0.0.0.0/0")])])]),
            src: "8.8.8.8", dst: "a/db", allowed: true),
        SemanticCase(
            name: "3 ExternalDestinationOnlyEgressMatters",
            cluster: cluster([B.policy("a", types: [.egress], egress: [B.rule([B.block("8.0.0.0/8")])])]), src: "a/db", dst: "8.8.8.8",
            allowed: true),
        SemanticCase(
            name: "3 ExternalDestinationDeniedByEgress",
            cluster: cluster([B.policy("a", types: [.egress], egress: [B.rule([B.block("9.0.0.0/8")])])]), src: "a/db", dst: "8.8.8.8",
            allowed: false),
        // 4. A rule
        SemanticCase(
            name: "4 EmptyFromMatchesExternal", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.tcp(80)])])]), src: "1.2.3.4",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "4 AllowAllIngress", cluster: cluster([B.policy("a", ingress: [B.rule()])]), src: "b/web", dst: "a/db", proto: .udp,
            port: 9999, allowed: true),
        SemanticCase(
            name: "4 DenyAllIngressEmptyList", cluster: cluster([B.policy("a", types: [.ingress], ingress: [])]), src: "a/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "4 PeerAndPortMustBothMatch",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.pods(["app": "web"])], [B.tcp(443)])])]), src: "a/web", dst: "a/db",
            port: 80, allowed: false),
        SemanticCase(
            name: "4 EmptyPortsMatchAllProtocols", cluster: cluster([B.policy("a", ingress: [B.rule([B.pods(["app": "web"])])])]),
            src: "a/web", dst: "a/db", proto: .sctp, port: 7, allowed: true),
        // 5. A peer
        SemanticCase(
            name: "5 PodSelectorOnlyOwnNamespace", cluster: cluster([B.policy("a", ingress: [B.rule([B.pods(["app": "web"])])])]),
            src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "5 NamespaceSelectorAllPodsOfNamespace",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.namespaces(["team": "y"])])])]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 NamespaceSelectorEmptyIsAllNamespaces",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: nil, namespaces: .everything)])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 NamespaceSelectorEmptyExcludesExternal",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: nil, namespaces: .everything)])])]), src: "1.2.3.4",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "5 AccidentalAndRequiresBoth",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.podsIn(["app": "db"], ["team": "y"])])])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "5 AccidentalOrAllowsEither",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.pods(["app": "db"]), B.namespaces(["team": "y"])])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 AndMatchesWhenBothHold",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.podsIn(["app": "web"], ["team": "y"])])])]), src: "b/web", dst: "a/db",
            allowed: true),
        SemanticCase(
            name: "5 IPBlockExceptExcluded",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.block("10.0.0.0/8", except: ["10.9.0.0/16"])])])]), src: "10.9.1.1",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "5 IPBlockInsideAllowed",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.block("10.0.0.0/8", except: ["10.9.0.0/16"])])])]), src: "10.8.1.1",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 IPBlockMatchesPodIP", cluster: cluster([B.policy("a", ingress: [B.rule([B.block("10.2.0.0/16")])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 IPBlockMatchesPodIPSwitchedOff", cluster: cluster([B.policy("a", ingress: [B.rule([B.block("10.2.0.0/16")])])]),
            src: "b/web", dst: "a/db", allowed: false, options: EvaluationOptions(ipBlockMatchesPods: false)),
        SemanticCase(
            name: "5 IPBlockNeverMatchesPodWithoutIP",
            cluster: cluster([B.policy("a", ingress: [B.rule([B.block("0.0.0.0/0")])])], pods: [b, B.pod("b", "noip")]), src: "b/noip",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "5 IPv6Block", cluster: cluster([B.policy("a", ingress: [B.rule([B.block("2001:db8::/32")])])]), src: "2001:db8::5",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "5 IPv4BlockDoesNotMatchIPv6", cluster: cluster([B.policy("a", ingress: [B.rule([B.block("0.0.0.0/0")])])]),
            src: "2001:db8::5", dst: "a/db", allowed: false),
        // 6. Label selectors
        SemanticCase(
            name: "6 InMatches", cluster: cluster([B.policy("a", select: B.expr("app", .in, ["db", "x"]), types: [.ingress])]),
            src: "a/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "6 NotInMatchesAbsentKey",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: B.expr("tier", .notIn, ["x"]), namespaces: nil)])])]),
            src: "a/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "6 NotInExcludesValue",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: B.expr("app", .notIn, ["web"]), namespaces: nil)])])]),
            src: "a/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "6 ExistsNeedsKey",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: B.expr("tier", .exists), namespaces: nil)])])]), src: "a/web",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "6 DoesNotExistMatchesAbsentKey",
            cluster: cluster([B.policy("a", ingress: [B.rule([.selector(pods: B.expr("tier", .doesNotExist), namespaces: nil)])])]),
            src: "a/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "6 LabelsAndExpressionsAllMustHold",
            cluster: cluster([
                B.policy(
                    "a",
                    ingress: [
                        B.rule([
                            .selector(
                                pods: LabelSelector(
                                    matchLabels: ["app": "web"], matchExpressions: [LabelRequirement(key: "tier", op: .exists)]),
                                namespaces: nil)
                        ])
                    ])
            ]), src: "a/web", dst: "a/db", allowed: false),
        // 7. Ports
        SemanticCase(
            name: "7 ProtocolDefaultsToTCP", cluster: cluster([B.policy("a", ingress: [B.rule([], [PolicyPort(port: .number(80))])])]),
            src: "a/web", dst: "a/db", proto: .udp, allowed: false),
        SemanticCase(
            name: "7 NamedPortResolvesOnDestination", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.named("pg")])])]),
            src: "a/web", dst: "a/db", port: 5432, allowed: true),
        SemanticCase(
            name: "7 NamedPortOtherNumberDenied", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.named("pg")])])]), src: "a/web",
            dst: "a/db", port: 5433, allowed: false),
        SemanticCase(
            name: "7 NamedPortProtocolMismatch", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.named("pg", .udp)])])]),
            src: "a/web", dst: "a/db", proto: .udp, port: 5432, allowed: false),
        SemanticCase(
            name: "7 NamedPortPerDestinationNumber",
            cluster: cluster(
                [B.policy("a", types: [.egress], egress: [B.rule([], [B.named("pg")])])],
                pods: [a, b, B.pod("b", "db2", ports: [ContainerPort(name: "pg", port: 6432)])]), src: "a/web", dst: "b/db2", port: 6432,
            allowed: true),
        SemanticCase(
            name: "7 NamedPortNeverMatchesExternal",
            cluster: cluster([B.policy("a", types: [.egress], egress: [B.rule([B.block("0.0.0.0/0")], [B.named("pg")])])]), src: "a/web",
            dst: "8.8.8.8", port: 5432, allowed: false),
        SemanticCase(
            name: "7 EndPortInclusiveEnd", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.tcp(8000, to: 8080)])])]), src: "a/web",
            dst: "a/db", port: 8080, allowed: true),
        SemanticCase(
            name: "7 EndPortBeyondEnd", cluster: cluster([B.policy("a", ingress: [B.rule([], [B.tcp(8000, to: 8080)])])]), src: "a/web",
            dst: "a/db", port: 8081, allowed: false),
        SemanticCase(
            name: "7 ProtocolOnlyAllPorts", cluster: cluster([B.policy("a", ingress: [B.rule([], [PolicyPort(proto: .udp)])])]),
            src: "a/web", dst: "a/db", proto: .udp, port: 65535, allowed: true),
        SemanticCase(
            name: "7 SCTPPort", cluster: cluster([B.policy("a", ingress: [B.rule([], [PolicyPort(proto: .sctp, port: .number(9))])])]),
            src: "a/web", dst: "a/db", proto: .sctp, port: 9, allowed: true),
        // The protocol universe (Docs/semantics.md): `proto: nil` asks about ICMP or any
        // other protocol than TCP, UDP and SCTP.
        SemanticCase(
            name: "7 RuleWithoutPortsAllowsOtherProtocols", cluster: cluster([B.policy("a", ingress: [B.rule([B.pods(["app": "web"])])])]),
            src: "a/web", dst: "a/db", proto: nil, allowed: true),
        SemanticCase(
            name: "7 ThreeProtocolsDoNotAllowOtherProtocols", cluster: cluster([B.policy("a", ingress: [B.rule([], threeProtocols)])]),
            src: "a/web", dst: "a/db", proto: nil, allowed: false),
        SemanticCase(
            name: "7 ThreeProtocolsAllowEveryPortOfThem", cluster: cluster([B.policy("a", ingress: [B.rule([], threeProtocols)])]),
            src: "a/web", dst: "a/db", proto: .sctp, port: 65535, allowed: true),
        SemanticCase(name: "7 NotIsolatedAllowsOtherProtocols", cluster: cluster([]), src: "a/web", dst: "a/db", proto: nil, allowed: true),
        SemanticCase(
            name: "7 OtherProtocolsNeedBothSides",
            cluster: cluster([B.policy("b", types: [.egress], egress: [B.rule([], threeProtocols)])]), src: "b/web", dst: "a/db",
            proto: nil, allowed: false),
        // Replicas (Docs/semantics.md): two pods of one workload are an ordinary pair.
        SemanticCase(
            name: "3 ReplicasAreAnOrdinaryPair",
            cluster: cluster(
                [B.policy("a", select: B.labels(["app": "db"]), ingress: [B.rule([B.pods(["app": "web"])])])],
                pods: [a, b, B.pod("a", "db-1", ["app": "db"], ports: b.ports)]), src: "a/db-1", dst: "a/db", allowed: false),
    ]

    static let threeProtocols = [PolicyPort(proto: .tcp), PolicyPort(proto: .udp), PolicyPort(proto: .sctp)]
}
