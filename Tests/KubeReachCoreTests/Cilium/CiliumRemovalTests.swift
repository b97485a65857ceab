import KubeReachCore
import Testing

/// Leaving a NetworkPolicy out under Cilium (what lint's redundancy check asks): the
/// endpoint's default deny must be worked out again without it.
@Suite struct CiliumRemovalTests {
    static func cluster(ciliumDefaultDeny: Bool?) -> Cluster {
        var c = CiliumSemanticsTests.base()
        let fromB = PolicyRule(peers: [.selector(pods: LabelSelector(matchLabels: ["app": "b"]), namespaces: nil)])
        c.policies = [NetworkPolicy(namespace: "ns1", name: "np", podSelector: LabelSelector(matchLabels: ["app": "a"]), ingress: [fromB])]
        let spec = CiliumSpec(
            endpointSelector: CiliumSelector(matchLabels: ["app": "a"]),
            ingress: [CiliumRule(endpoints: [CiliumSelector(matchLabels: ["app": "b"])])], defaultDenyIngress: ciliumDefaultDeny)
        c.ciliumPolicies = [CiliumPolicy(namespace: "ns1", name: "cnp", specs: [spec])]
        return c
    }

    @Test func removingTheOnlyIsolatingPolicyOpensTheEndpoint() {
        // The CNP asks for no default deny: without the NetworkPolicy, c reaches a.
        #expect(Reachability(cluster: Self.cluster(ciliumDefaultDeny: false)).changes(without: .policy(0)))
    }

    @Test func aCNPInDefaultDenyKeepsItClosed() {
        // The CNP allows what the NetworkPolicy did and isolates by itself: nothing changes.
        #expect(!Reachability(cluster: Self.cluster(ciliumDefaultDeny: nil)).changes(without: .policy(0)))
    }
}
