import KubeReachAttack
import KubeReachCore
import Testing

/// The same privileged pod: reachable from the internet without policies, not under a
/// default deny, reachable again with an allow on its served port.
@Suite struct NetworkGatingTests {
    static let base =
        AttackFixtures.namespace()
        + AttackFixtures.web("      containers: [{name: web, ports: [{containerPort: 8080}], securityContext: {privileged: true}}]")
    static let denyAll =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: app}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n---\n"
    static func allow(_ port: Int) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow, namespace: app}\n"
            + "spec:\n  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: \(port)}]}]\n---\n"
    }

    func internetReachesANode(_ yaml: String) throws -> Bool {
        let g = try AttackFixtures.graph(yaml)
        let answer = AttackPathsAnswer(graph: g, from: [try AttackReference.parse("internet")], to: [try AttackReference.parse("node")])
        return answer.anyPath
    }

    @Test func defaultDenyCutsTheNetworkEdge() throws {
        #expect(try internetReachesANode(Self.base))
        #expect(try !internetReachesANode(Self.base + Self.denyAll))
        #expect(try internetReachesANode(Self.base + Self.denyAll + Self.allow(8080)))
        #expect(try !internetReachesANode(Self.base + Self.denyAll + Self.allow(9090)), "an allow on another port serves nothing")
    }

    @Test func referencesParse() throws {
        #expect(try AttackReference.parse("serviceaccount:a/b").description == "serviceaccount:a/b")
        #expect(throws: AttackReferenceError.self) { try AttackReference.parse("a/b/c/d") }
        #expect(throws: AttackReferenceError.self) { try AttackReference.parse("secret:a") }
    }
}
