import Foundation
import KubeReachTestSupport
import Testing

/// `render --attack`: the joined graph of Examples/attack as DOT (golden) and SVG, the cap on
/// vertices, and the options it does not take.
@Suite struct RenderAttackTests {
    static let cluster = AttackExampleTests.example + "/cluster"

    @Test func dotMatchesGolden() throws {
        let run = runCLI(["render", "--attack", "-o", "dot", "-q", Self.cluster])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(
            run.out.replacing(AttackExampleTests.example + "/", with: "Examples/attack/"), named: "attack-example-render.dot")
        // Technique-coloured edges as attack-paths draws them: the network step red, the escape
        // orange, the legend with every family.
        #expect(run.out.contains("\"internet\" -> \"web/frontend[Deployment]\" [color=\"#c0392b\""))
        #expect(run.out.contains("\"workers/worker[Deployment]\" -> \"node:node-1\" [color=\"#d35400\""))
        #expect(run.out.contains("RBAC") && run.out.contains("node escape"))
        #expect(!run.out.contains("\"cluster-admin\" -> "), "cluster-admin's own edges are left out")
    }

    @Test func svgIsWellFormedWithVertexTitles() throws {
        let run = runCLI(["render", "--attack", "-o", "svg", "-q", Self.cluster])
        #expect(run.status == 0, "\(run.err)")
        let titles = try #require(svgTitles(run.bytes), "SVG is not well-formed XML")
        for t in ["internet", "cluster-admin", "node:node-1", "serviceaccount:kube-system/operator", "cluster_legend"] {
            #expect(titles.contains(t), "missing title \(t)")
        }
    }

    /// Past --max-nodes only the vertices on a path from the internet stay (and sfdp lays them out).
    @Test func capKeepsThePathsFromTheInternet() throws {
        let run = runCLI(["render", "--attack", "-o", "dot", "--max-nodes", "5", Self.cluster])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("only those on a path from the internet"), "\(run.err)")
        #expect(run.err.contains("laid out with sfdp"), "\(run.err)")
        #expect(run.out.contains("\"web/frontend[Deployment]\" ["))
    }

    @Test func refusesNetworkOptions() {
        let run = runCLI(["render", "--attack", "--focus", "web/frontend", Self.cluster])
        #expect(run.status == 2 && run.err.contains("--attack"), "\(run.err)")
    }
}
