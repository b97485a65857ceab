import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachYAML
import Testing

/// The minimum cut across layers: where it is known, it is found, and each cut edge comes
/// with the change that removes it.
@Suite struct ChokepointTests {
    /// Two parallel paths from the internet (web-a and web-b, both exposed, one shared
    /// account) that join at one edge: the account's exec into the privileged worker.
    static let parallel =
        AttackFixtures.namespace()
        + ["web-a", "web-b"].map { name in
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: \(name), namespace: app}\nspec:\n  selector: {matchLabels: {app: \(name)}}\n"
                + "  template:\n    metadata: {labels: {app: \(name)}}\n    spec:\n      serviceAccountName: web-sa\n"
                + "      containers: [{name: web, ports: [{containerPort: 8080}]}]\n---\n"
        }.joined()
        + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker, namespace: app}\nspec:\n  selector: {matchLabels: {app: worker}}\n"
        + "  template:\n    metadata: {labels: {app: worker}}\n    spec:\n      automountServiceAccountToken: false\n"
        + "      containers: [{name: worker, securityContext: {privileged: true}}]\n---\n"
        + AttackFixtures.grant("{apiGroups: [''], resources: [pods/exec], verbs: [create]}")

    func cut(_ yaml: String, from: String = "internet", to: String = "node") throws -> (AttackGraph, AttackCut) {
        let cluster = try ManifestLoader.load([ManifestSource(name: "t.yaml", bytes: Array(yaml.utf8))]).cluster
        let builder = AttackGraphBuilder(reach: Reachability(cluster: cluster), authorizer: RBACAuthorizer(cluster.identity))
        let g = builder.build()
        let sources = try AttackReference.parse(from).vertices(in: g), targets = try AttackReference.parse(to).vertices(in: g)
        return (g, builder.chokepoints(g, from: sources, to: targets))
    }

    func described(_ g: AttackGraph, _ c: AttackCut) -> [String] {
        c.chokepoints.map {
            "\(g.vertices[g.edges[$0.edge].from]) -> \(g.vertices[g.edges[$0.edge].to]) \(g.edges[$0.edge].technique.rawValue)"
        }
    }

    @Test func theSharedEdgeIsTheCut() throws {
        let (g, c) = try cut(Self.parallel)
        #expect(!c.uncuttable)
        #expect(described(g, c) == ["serviceaccount:app/web-sa -> app/worker[Deployment] POD_EXEC"])
        let change = try #require(c.chokepoints.first?.change)
        #expect(change.text == "remove ServiceAccount app/web-sa from RoleBinding app/b")
        // The binding's first line in the fixture.
        let line = Self.parallel.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("kind: RoleBinding") }
        #expect(change.location?.line == line.map { $0 })
    }

    /// Without the shared edge the two paths need two cuts, one per path: the cheapest,
    /// nearest the starts (each web pod's own network edge).
    @Test func twoDisjointPathsNeedTwoCuts() throws {
        let (g, c) = try cut(Self.parallel, to: "serviceaccount:app/web-sa")
        #expect(
            described(g, c) == ["internet -> app/web-a[Deployment] ENDPOINT_EXPLOIT", "internet -> app/web-b[Deployment] ENDPOINT_EXPLOIT"])
        #expect(c.chokepoints.allSatisfy { $0.change.text.hasPrefix("isolate app/web-") })
        let (wg, fromWeb) = try cut(Self.parallel, from: "app/web-a", to: "serviceaccount:app/web-sa")
        // From web-a: its own token, and web-b (which it reaches) with the same token.
        #expect(
            described(wg, fromWeb) == [
                "app/web-a[Deployment] -> app/web-b[Deployment] ENDPOINT_EXPLOIT",
                "app/web-a[Deployment] -> serviceaccount:app/web-sa IDENTITY_ASSUME",
            ])
        #expect(
            fromWeb.chokepoints.last?.change.text == "set automountServiceAccountToken: false in app/web-a[Deployment] spec.template.spec")
    }

    @Test func noPathNothingToCut() throws {
        let closed = Self.parallel.replacing(
            "serviceAccountName: web-sa\n", with: "serviceAccountName: web-sa\n      automountServiceAccountToken: false\n")
        let (_, none) = try cut(closed)
        #expect(none.chokepoints.isEmpty && !none.uncuttable, "no token mounted: no path, nothing to cut")
    }

    @Test func networkEdgesNameThePolicyRule() throws {
        let yaml =
            AttackFixtures.namespace()
            + AttackFixtures.web("      containers: [{name: web, ports: [{containerPort: 8080}], securityContext: {privileged: true}}]")
            + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: open, namespace: app}\nspec:\n  podSelector: {}\n"
            + "  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]\n"
        let (g, c) = try cut(yaml)
        #expect(described(g, c) == ["internet -> app/web[Deployment] ENDPOINT_EXPLOIT"])
        let change = try #require(c.chokepoints.first?.change)
        #expect(change.text.hasPrefix("narrow app/open spec.ingress[0] so it no longer admits 0.0.0.0"), "\(change.text)")
        let rule = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  - from:") }
        #expect(change.location?.line == rule.map { $0 + 1 }, "the rule's line")
    }

    @Test func escapesNameTheirField() throws {
        let yaml =
            AttackFixtures.namespace()
            + AttackFixtures.web("      containers: [{name: web, ports: [{containerPort: 8080}], securityContext: {privileged: true}}]")
        let (g, c) = try cut(yaml, from: "app/web")
        #expect(described(g, c) == ["app/web[Deployment] -> node:* CE_PRIV_MOUNT", "app/web[Deployment] -> node:* CE_MODULE_LOAD"])
        #expect(c.chokepoints.allSatisfy { $0.change.text == "set spec.template.spec.containers[0].securityContext.privileged: false" })
    }

    /// Weighted cut on its own: an uncuttable arc on every path leaves no answer; costs choose.
    @Test func weightedCut() {
        let arcs = [MinimumCut.Arc(from: 0, to: 1, capacity: 3), .init(from: 1, to: 2, capacity: 1), .init(from: 0, to: 2, capacity: 1)]
        #expect(MinimumCut.arcs(arcs, nodes: 3, from: [0], to: [2])?.map { [$0.from, $0.to] } == [[0, 2], [1, 2]])
        let locked = [MinimumCut.Arc(from: 0, to: 1, capacity: nil), .init(from: 1, to: 2, capacity: nil)]
        #expect(MinimumCut.arcs(locked, nodes: 3, from: [0], to: [2]) == nil)
        #expect(MinimumCut.arcs(locked, nodes: 3, from: [2], to: [0]) == [])
    }

    /// What-if statuses: the binding removed cuts internet → node and leaves internet → the
    /// shared account; put back, it opens the path again.
    @Test func whatIfStatuses() throws {
        let without = Self.parallel.replacing("subjects: [{kind: ServiceAccount, name: web-sa, namespace: app}]", with: "subjects: []")
        #expect(without != Self.parallel)
        let asked = { (yaml: String) throws -> AttackPathsAnswer in
            AttackPathsAnswer(
                graph: try AttackFixtures.graph(yaml), from: [try .parse("internet")],
                to: [try .parse("node"), try .parse("serviceaccount:app/web-sa"), try .parse("cluster-admin")])
        }
        let cut = AttackWhatIf(before: try asked(Self.parallel), after: try asked(without))
        #expect(cut.statuses == [.cut, .remains, .unreachable])
        let opened = AttackWhatIf(before: try asked(without), after: try asked(Self.parallel))
        #expect(opened.statuses == [.opened, .remains, .unreachable])
    }
}
