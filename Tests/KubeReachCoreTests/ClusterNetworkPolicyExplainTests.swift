import KubeReachCore
import Testing

/// Explanations of ClusterNetworkPolicy decisions: the tier tags, the v1alpha2 verb, and
/// `domainNames` rules reported as decided at runtime rather than as a match.
@Suite struct ClusterNetworkPolicyExplainTests {
    typealias S = SemanticsTable

    static let cluster = S.adminCluster([
        Build.cnp(
            "allow-api", .admin, 5, egress: [Build.arule(.allow, [.domainNames(["api.example.com"])], [.number(.tcp, 443)])]),
        Build.cnp("deny-out", .baseline, 1000, egress: [Build.arule(.deny, [Build.networks("0.0.0.0/0")])]),
    ])

    @Test func domainRulesAreDecidedAtRuntime() throws {
        let web = try #require(Self.cluster.pods.firstIndex { $0.qualifiedName == "a/web" })
        let e = Explainer(cluster: Self.cluster).explain(
            .pod(web), .external(IPAddress("93.184.216.34")!), sourceName: "a/web", destinationName: "93.184.216.34")
        #expect(e.allowed.isEmpty)
        let runtime = try #require(e.egress.runtimeDecisions.first)
        #expect(runtime.tierLabel == "CNP/Admin" && runtime.actionWord == "Accept")
        #expect(runtime.connections == ConnectionSet(.tcp, PortSet(range: 443...443)))
        #expect(e.egress.adminDecisions.map(\.tierLabel) == ["CNP/Baseline"])
    }

    @Test func podDestinationsNameNoDomainRule() throws {
        let web = try #require(Self.cluster.pods.firstIndex { $0.qualifiedName == "a/web" })
        let db = try #require(Self.cluster.pods.firstIndex { $0.qualifiedName == "a/db" })
        let e = Explainer(cluster: Self.cluster).explain(.pod(web), .pod(db), sourceName: "a/web", destinationName: "a/db")
        #expect(e.egress.runtimeDecisions.isEmpty)
    }
}
