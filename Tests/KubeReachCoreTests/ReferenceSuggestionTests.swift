import KubeReachCore
import Testing

/// "did you mean": the same name elsewhere first, then another kind, then a near name.
@Suite struct ReferenceSuggestionTests {
    static func pod(_ ns: String, _ name: String, _ workload: String, _ kind: String = "Deployment") -> Pod {
        Pod(namespace: ns, name: name, workload: WorkloadRef(namespace: ns, name: workload, kind: kind))
    }
    static let cluster = Cluster(pods: [
        pod("boutique", "frontend-7d9f-abcde", "frontend"), pod("boutique", "cartservice-5c-xyz", "cartservice"),
        pod("staging", "frontend-1-a", "frontend"), pod("data", "db-0", "db", "StatefulSet"), pod("boutique", "debug", "debug", "Pod"),
    ])

    @Test(arguments: [
        ("default/frontend", "; did you mean boutique/frontend or staging/frontend?"),
        ("default/cartservice", "; did you mean boutique/cartservice?"),
        ("boutique/frontnd", "; did you mean boutique/frontend?"),
        ("data/Deployment/db", "; did you mean data/StatefulSet/db?"),
        ("default/debug", "; did you mean boutique/debug?"),
        ("default/db-0", "; did you mean data/db-0?"),
        ("boutique/nothing-like-it", ""),
        ("internet", ""),
    ])
    func suggestions(text: String, hint: String) throws {
        let ref = try EndpointReference.parse(text)
        #expect(Self.cluster.resolve(ref) == nil)
        #expect(Self.cluster.didYouMean(ref) == hint)
    }
}
