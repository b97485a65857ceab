import KubeReachCore

/// Builders for ClusterNetworkPolicies in the canonical table.
extension Build {
    static func cnp(
        _ name: String, _ tier: AdminNetworkPolicy.Tier, _ priority: Int, subject: AdminSelection = .namespaces(labels(["team": "x"])),
        ingress: [AdminRule] = [], egress: [AdminRule] = []
    ) -> AdminNetworkPolicy {
        AdminNetworkPolicy(
            tier: tier, name: name, priority: priority, subject: subject, ingress: ingress, egress: egress, api: .v1alpha2)
    }
}

/// Docs/semantics.md §9, one row per point of the ClusterNetworkPolicy semantics (and the
/// order chosen when v1alpha1 and v1alpha2 objects share a cluster).
extension SemanticsTable {
    static let hostAgent = B.pod("a", "node-agent", ["app": "agent"], ip: "10.5.0.1", host: true)
    static let infraNode = ClusterNode(name: "n1", labels: ["role": "infra"], addresses: [IPAddress("10.5.0.1")!])

    static let clusterPolicyRows: [SemanticCase] =
        tierRows + actionRows + peerRows + protocolRows + mixedRows

    static let tierRows: [SemanticCase] = [
        SemanticCase(
            name: "9 AdminBeforeNetworkPolicy",
            cluster: adminCluster([B.cnp("p", .admin, 1000, ingress: [B.arule(.allow, [fromB])])], policies: [denyIngressA]),
            src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 NetworkPolicyBeforeBaseline",
            cluster: adminCluster([B.cnp("p", .baseline, 0, ingress: [B.arule(.deny, [fromB])])], policies: [allowAllIngressA]),
            src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 BaselineDecidesWhenNotIsolated",
            cluster: adminCluster([B.cnp("p", .baseline, 0, ingress: [B.arule(.deny, [fromB])])]), src: "b/web", dst: "a/db",
            allowed: false),
        SemanticCase(
            name: "9 PriorityOrdersOnlyWithinATier",
            cluster: adminCluster([
                B.cnp("base", .baseline, 0, ingress: [B.arule(.deny, [fromB])]),
                B.cnp("admin", .admin, 1000, ingress: [B.arule(.allow, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 LowerPriorityFirstInAdmin",
            cluster: adminCluster([
                B.cnp("late", .admin, 5, ingress: [B.arule(.deny, [fromB])]),
                B.cnp("early", .admin, 1, ingress: [B.arule(.allow, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 LowerPriorityFirstInBaseline",
            cluster: adminCluster([
                B.cnp("late", .baseline, 5, ingress: [B.arule(.allow, [fromB])]),
                B.cnp("early", .baseline, 1, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 SeveralBaselinesFallThrough",
            cluster: adminCluster([
                B.cnp("first", .baseline, 1, ingress: [B.arule(.deny, [B.inNamespaces(["team": "z"])])]),
                B.cnp("second", .baseline, 2, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 FirstMatchingRuleWins",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.allow, [fromB]), B.arule(.deny, [fromB])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 NoMatchDecidesNothing",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [B.inNamespaces(["team": "z"])])])]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 NoImplicitIsolation",
            cluster: adminCluster([B.cnp("p", .admin, 1, egress: [B.arule(.deny, [B.networks("9.0.0.0/8")])])]), src: "a/web",
            dst: "b/web", allowed: true),
        SemanticCase(
            name: "9 CNPDoesNotIsolateForNetworkPolicyTier",
            cluster: adminCluster([
                B.cnp("p", .admin, 1, ingress: [B.arule(.pass, [fromB])]),
                B.cnp("base", .baseline, 1, subject: .namespaces(B.labels(["team": "y"])), ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
    ]

    static let actionRows: [SemanticCase] = [
        SemanticCase(
            name: "9 AcceptOverridesNetworkPolicyDeny",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.allow, [fromB])])], policies: [denyIngressA]), src: "b/web",
            dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 EgressAcceptStillNeedsIngress",
            cluster: adminCluster(
                [
                    B.cnp(
                        "p", .admin, 1, subject: .namespaces(B.labels(["team": "y"])),
                        egress: [B.arule(.allow, [B.inNamespaces(["team": "x"])])])
                ],
                policies: [denyIngressA]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 DenyIsFinal",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB])])], policies: [allowAllIngressA]),
            src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 AdminPassGoesToNetworkPolicy",
            cluster: adminCluster(
                [
                    B.cnp("p", .admin, 1, ingress: [B.arule(.pass, [fromB])]),
                    B.cnp("later", .admin, 2, ingress: [B.arule(.allow, [fromB])]),
                ],
                policies: [denyIngressA]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 AdminPassGoesToBaselineWhenNotIsolated",
            cluster: adminCluster([
                B.cnp("p", .admin, 1, ingress: [B.arule(.pass, [fromB])]), B.cnp("base", .baseline, 1, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 BaselinePassIsAllowed",
            cluster: adminCluster([
                B.cnp("first", .baseline, 1, ingress: [B.arule(.pass, [fromB])]),
                B.cnp("second", .baseline, 2, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
    ]

    static let peerRows: [SemanticCase] = [
        SemanticCase(
            name: "9 SubjectPodsNeedsBothSelectors",
            cluster: adminCluster([
                B.cnp(
                    "p", .admin, 1, subject: .pods(namespaces: B.labels(["team": "x"]), pods: B.labels(["app": "db"])),
                    ingress: [B.arule(.deny, [fromB])])
            ]), src: "b/web", dst: "a/web", allowed: true),
        SemanticCase(
            name: "9 SubjectPodsSelectsItsPods",
            cluster: adminCluster([
                B.cnp(
                    "p", .admin, 1, subject: .pods(namespaces: B.labels(["team": "x"]), pods: B.labels(["app": "db"])),
                    ingress: [B.arule(.deny, [fromB])])
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 HostNetworkPodNeverSubject",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB])])], pods: [c, hostAgent]), src: "b/web",
            dst: "a/node-agent", allowed: true, options: EvaluationOptions(hostNetwork: .apply)),
        SemanticCase(
            name: "9 PodsPeerNeverMatchesHostNetwork",
            cluster: adminCluster(
                [
                    B.cnp(
                        "p", .admin, 1, subject: .namespaces(B.labels(["team": "y"])),
                        egress: [B.arule(.deny, [B.inNamespaces(["team": "x"])])])
                ],
                pods: [c, hostAgent]), src: "b/web", dst: "a/node-agent", allowed: true),
        SemanticCase(
            name: "9 NodesPeerReachesHostNetworkPod",
            cluster: adminCluster(
                [
                    B.cnp(
                        "p", .admin, 1, subject: .namespaces(B.labels(["team": "y"])),
                        egress: [B.arule(.deny, [.nodes(B.labels(["role": "infra"]))])])
                ],
                pods: [c, hostAgent], nodes: [infraNode]), src: "b/web", dst: "a/node-agent", allowed: false),
        SemanticCase(
            name: "9 NodesPeerMatchesNodeAddress",
            cluster: adminCluster(
                [B.cnp("p", .admin, 1, egress: [B.arule(.deny, [.nodes(B.labels(["role": "infra"]))])])], nodes: [infraNode]),
            src: "a/web", dst: "10.5.0.1", allowed: false),
        SemanticCase(
            name: "9 NetworksMatchExternal",
            cluster: adminCluster([B.cnp("p", .admin, 1, egress: [B.arule(.deny, [B.networks("8.0.0.0/8")])])]),
            src: "a/web", dst: "8.8.8.8", allowed: false),
        SemanticCase(
            name: "9 NetworksMatchPodIPs",
            cluster: adminCluster([B.cnp("p", .admin, 1, egress: [B.arule(.deny, [B.networks("10.2.0.0/16")])])]), src: "a/web",
            dst: "b/web", allowed: false),
        SemanticCase(
            name: "9 DomainNamesMatchNothingKnown",
            cluster: adminCluster([
                B.cnp("p", .admin, 1, egress: [B.arule(.allow, [.domainNames(["example.com"])])]),
                B.cnp("base", .baseline, 1, egress: [B.arule(.deny, [B.networks("0.0.0.0/0")])]),
            ]), src: "a/web", dst: "93.184.216.34", allowed: false),
        SemanticCase(
            name: "9 UnknownPeerInAcceptMatchesNothing",
            cluster: adminCluster(
                [B.cnp("p", .admin, 1, ingress: [B.arule(.allow, [.unrecognized(["future"])]).failingClosed()])], policies: [denyIngressA]),
            src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 UnknownPeerInPassDeniesAll",
            cluster: adminCluster(
                [B.cnp("p", .admin, 1, ingress: [B.arule(.pass, [.unrecognized(["future"])], [.number(.tcp, 1)]).failingClosed()])],
                policies: [allowAllIngressA]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 UnknownPeerInDenyDeniesExternal",
            cluster: adminCluster([B.cnp("p", .admin, 1, egress: [B.arule(.deny, [.unrecognized(["future"])]).failingClosed()])]),
            src: "a/web", dst: "8.8.8.8", allowed: false),
    ]

    static let protocolRows: [SemanticCase] = [
        SemanticCase(
            name: "9 ProtocolsAbsentMeansEverything",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB])])]), src: "b/web", dst: "a/db", proto: nil,
            allowed: false),
        SemanticCase(
            name: "9 EntryMatchesOnlyItsProtocol",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB], [.number(.udp, 80)])])]), src: "b/web",
            dst: "a/db", port: 80, allowed: true),
        SemanticCase(
            name: "9 RangeIsInclusive",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB], [.range(.tcp, 80, 90)])])]), src: "b/web",
            dst: "a/db", port: 90, allowed: false),
        SemanticCase(
            name: "9 RangeDecidesOnlyItsPorts",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB], [.range(.tcp, 80, 90)])])]), src: "b/web",
            dst: "a/db", port: 91, allowed: true),
        SemanticCase(
            name: "9 NamedPortResolvesOnDestination",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB], [.named("pg")])])]), src: "b/web",
            dst: "a/db", port: 5432, allowed: false),
        SemanticCase(
            name: "9 NamedPortOtherProtocolUndecided",
            cluster: adminCluster([B.cnp("p", .admin, 1, ingress: [B.arule(.deny, [fromB], [.named("pg")])])]), src: "b/web",
            dst: "a/db", proto: .udp, port: 5432, allowed: true),
    ]

    /// A cluster holding both API versions: one Admin tier merged by priority (v1alpha2
    /// first on a tie), Baseline CNPs before the BANP.
    static let mixedRows: [SemanticCase] = [
        SemanticCase(
            name: "9 MixedAdminTierByPriority",
            cluster: adminCluster([
                B.anp("old", 1, ingress: [B.arule(.deny, [fromB])]), B.cnp("new", .admin, 2, ingress: [B.arule(.allow, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: false),
        SemanticCase(
            name: "9 MixedSamePriorityV1alpha2First",
            cluster: adminCluster([
                B.anp("a-old", 3, ingress: [B.arule(.deny, [fromB])]), B.cnp("z-new", .admin, 3, ingress: [B.arule(.allow, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: true),
        SemanticCase(
            name: "9 MixedBaselineCNPBeforeBANP",
            cluster: adminCluster([
                B.banp(ingress: [B.arule(.allow, [fromB])]), B.cnp("base", .baseline, 1000, ingress: [B.arule(.deny, [fromB])]),
            ]), src: "b/web", dst: "a/db", allowed: false),
    ]
}
