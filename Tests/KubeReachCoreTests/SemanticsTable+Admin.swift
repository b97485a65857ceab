import KubeReachCore

/// Builders for admin policies in the canonical table.
extension Build {
    static func anp(
        _ name: String, _ priority: Int, subject: AdminSelection = .namespaces(labels(["team": "x"])), ingress: [AdminRule] = [],
        egress: [AdminRule] = []
    ) -> AdminNetworkPolicy {
        AdminNetworkPolicy(tier: .admin, name: name, priority: priority, subject: subject, ingress: ingress, egress: egress)
    }

    static func banp(subject: AdminSelection = .namespaces(labels(["team": "x"])), ingress: [AdminRule] = [], egress: [AdminRule] = [])
        -> AdminNetworkPolicy
    {
        AdminNetworkPolicy(tier: .baseline, name: "default", subject: subject, ingress: ingress, egress: egress)
    }

    static func arule(_ action: AdminAction, _ peers: [AdminPeer], _ ports: [AdminPort] = []) -> AdminRule {
        AdminRule(name: "\(action.rawValue.lowercased())-rule", action: action, peers: peers, ports: ports)
    }

    static func inNamespaces(_ l: [String: String]) -> AdminPeer { .pods(.namespaces(labels(l))) }
    static func networks(_ cidrs: String...) -> AdminPeer { .networks(cidrs.map { try! CIDR.parse($0) }) }
}

/// Docs/semantics.md §8, one row per rule of the admin tiers.
extension SemanticsTable {
    static func adminCluster(
        _ admin: [AdminNetworkPolicy], policies: [NetworkPolicy] = [], pods: [Pod] = [a, b, c], nodes: [ClusterNode] = []
    ) -> Cluster {
        Cluster(namespaces: [nsA, nsB], pods: pods, policies: policies, adminPolicies: admin, nodes: nodes)
    }

    static let fromB = B.inNamespaces(["team": "y"])
    static let allowAllIngressA = B.policy("a", ingress: [B.rule()])

    static let adminRows: [SemanticCase] = [
        SemanticCase(
            name: "8 ANPAllowOverridesNetworkPolicyDeny",
            cluster: adminCluster([B.anp("p", 10, ingress: [B.arule(.allow, [fromB])])], policies: [denyIngressA]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 ANPDenyOverridesNetworkPolicyAllow",
            cluster: adminCluster([B.anp("p", 10, ingress: [B.arule(.deny, [fromB])])], policies: [allowAllIngressA]), src: "b/web",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "8 LowerPriorityNumberFirst",
            cluster: adminCluster([B.anp("p1", 5, ingress: [B.arule(.deny, [fromB])]), B.anp("p2", 1, ingress: [B.arule(.allow, [fromB])])]
            ), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 SamePriorityOrderedByName",
            cluster: adminCluster([
                B.anp("b-deny", 3, ingress: [B.arule(.deny, [fromB])]), B.anp("a-allow", 3, ingress: [B.arule(.allow, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 FirstMatchingRuleWins",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.allow, [fromB]), B.arule(.deny, [fromB])])]), src: "b/web", dst: "a/db",
            allowed: true),
        SemanticCase(
            name: "8 FirstMatchingRuleWinsReversed",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB]), B.arule(.allow, [fromB])])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "8 PassDefersToNetworkPolicy",
            cluster: adminCluster(
                [B.anp("p", 1, ingress: [B.arule(.pass, [fromB])]), B.anp("later", 50, ingress: [B.arule(.allow, [fromB])])],
                policies: [denyIngressA]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "8 PassSkipsLowerPriorityANPs",
            cluster: adminCluster([
                B.anp("p", 1, ingress: [B.arule(.pass, [fromB])]), B.anp("later", 2, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 PassWithoutNetworkPolicyGoesToBANP",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.pass, [fromB])]), B.banp(ingress: [B.arule(.deny, [fromB])])]),
            src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "8 BANPIgnoredWhenNetworkPolicyIsolates",
            cluster: adminCluster([B.banp(ingress: [B.arule(.deny, [fromB])])], policies: [allowAllIngressA]), src: "b/web", dst: "a/db",
            allowed: true),
        SemanticCase(
            name: "8 BANPDecidesWhenNotIsolated", cluster: adminCluster([B.banp(ingress: [B.arule(.deny, [fromB])])]), src: "b/web",
            dst: "a/db", allowed: false),
        SemanticCase(
            name: "8 ANPDenyWithPortsLeavesOtherProtocols",
            cluster: adminCluster([
                B.anp(
                    "p", 1, ingress: [B.arule(.deny, [fromB], [.range(.tcp, 1, 65535), .range(.udp, 1, 65535), .range(.sctp, 1, 65535)])])
            ]), src: "b/web", dst: "a/db", proto: nil, allowed: true),
        SemanticCase(
            name: "8 ANPDenyWithoutPortsDeniesOtherProtocols", cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB])])]),
            src: "b/web", dst: "a/db", proto: nil, allowed: false),
        SemanticCase(
            name: "8 BANPNoMatchIsAllowed", cluster: adminCluster([B.banp(ingress: [B.arule(.deny, [B.inNamespaces(["team": "z"])])])]),
            src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 ANPDoesNotIsolate", cluster: adminCluster([B.anp("p", 1, egress: [B.arule(.deny, [B.networks("9.0.0.0/8")])])]),
            src: "a/web", dst: "b/web", allowed: true),
        SemanticCase(
            name: "8 PortRangeDecidesOnlyItsPorts",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB], [.range(.tcp, 80, 90)])])]), src: "b/web", dst: "a/db",
            port: 91, allowed: true),
        SemanticCase(
            name: "8 PortRangeInclusive",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB], [.range(.tcp, 80, 90)])])]), src: "b/web", dst: "a/db",
            port: 90, allowed: false),
        SemanticCase(
            name: "8 PortNumberProtocol", cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB], [.number(.udp, 80)])])]),
            src: "b/web", dst: "a/db", port: 80, allowed: true),
        SemanticCase(
            name: "8 NamedPortResolvesOnDestination",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB], [.named("pg")])])]), src: "b/web", dst: "a/db",
            port: 5432, allowed: false),
        SemanticCase(
            name: "8 NamedPortOtherPortsUndecided",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB], [.named("pg")])])]), src: "b/web", dst: "a/db", port: 80,
            allowed: true),
        SemanticCase(
            name: "8 NetworksMatchExternal", cluster: adminCluster([B.anp("p", 1, egress: [B.arule(.deny, [B.networks("8.0.0.0/8")])])]),
            src: "a/web", dst: "8.8.8.8", allowed: false),
        SemanticCase(
            name: "8 NetworksOutsideUndecided", cluster: adminCluster([B.anp("p", 1, egress: [B.arule(.deny, [B.networks("8.0.0.0/8")])])]),
            src: "a/web", dst: "9.9.9.9", allowed: true),
        SemanticCase(
            name: "8 NetworksMatchPodIPs", cluster: adminCluster([B.anp("p", 1, egress: [B.arule(.deny, [B.networks("10.2.0.0/16")])])]),
            src: "a/web", dst: "b/web", allowed: false),
        SemanticCase(
            name: "8 NetworksMatchPodIPsSwitchedOff",
            cluster: adminCluster([B.anp("p", 1, egress: [B.arule(.deny, [B.networks("10.2.0.0/16")])])]), src: "a/web", dst: "b/web",
            allowed: true, options: EvaluationOptions(ipBlockMatchesPods: false)),
        SemanticCase(
            name: "8 NodesPeerMatchesNodeAddress",
            cluster: adminCluster(
                [B.anp("p", 1, egress: [B.arule(.deny, [.nodes(B.labels(["role": "infra"]))])])],
                nodes: [ClusterNode(name: "n1", labels: ["role": "infra"], addresses: [IPAddress("10.5.0.1")!])]), src: "a/web",
            dst: "10.5.0.1", allowed: false),
        SemanticCase(
            name: "8 NodesPeerOtherLabels",
            cluster: adminCluster(
                [B.anp("p", 1, egress: [B.arule(.deny, [.nodes(B.labels(["role": "infra"]))])])],
                nodes: [ClusterNode(name: "n1", labels: ["role": "worker"], addresses: [IPAddress("10.5.0.1")!])]), src: "a/web",
            dst: "10.5.0.1", allowed: true),
        SemanticCase(
            name: "8 ExternalSourceIsNoIngressPeer",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [.pods(.namespaces(.everything))])])]), src: "1.2.3.4",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "8 HostNetworkPodNeverSubject",
            cluster: adminCluster([B.anp("p", 1, ingress: [B.arule(.deny, [fromB])])], pods: [c, B.pod("a", "node-agent", host: true)]),
            src: "b/web", dst: "a/node-agent", allowed: true),
        SemanticCase(
            name: "8 PodsSubjectNeedsBothSelectors",
            cluster: adminCluster([
                B.anp(
                    "p", 1, subject: .pods(namespaces: B.labels(["team": "x"]), pods: B.labels(["app": "db"])),
                    ingress: [B.arule(.deny, [fromB])])
            ]), src: "b/web", dst: "a/web", allowed: true),
        SemanticCase(
            name: "8 PodsSubjectSelectsItsPods",
            cluster: adminCluster([
                B.anp(
                    "p", 1, subject: .pods(namespaces: B.labels(["team": "x"]), pods: B.labels(["app": "db"])),
                    ingress: [B.arule(.deny, [fromB])])
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "8 EgressDenyByANPWinsOverIngressAllow",
            cluster: adminCluster(
                [B.anp("p", 1, subject: .namespaces(B.labels(["team": "y"])), egress: [B.arule(.deny, [B.inNamespaces(["team": "x"])])])],
                policies: [allowAllIngressA]), src: "b/web", dst: "a/db", allowed: false),
    ]
}
