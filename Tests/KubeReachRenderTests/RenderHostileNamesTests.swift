import Foundation
import KubeReachCore
import KubeReachGraphviz
import KubeReachRender
import KubeReachTestSupport
import Testing

/// Names the YAML loader would refuse (so the cluster is built in code) must still give DOT
/// that Graphviz parses and SVG that is well-formed XML, with markup shown as text.
@Suite struct RenderHostileNamesTests {
    static let names = HostileNames.names
    static var cluster: Cluster { HostileNames.cluster }

    func diagram(level: AggregationLevel = .workload, grouping: Bool = false) -> (Diagram, String) {
        let reach = Reachability(cluster: Self.cluster)
        let nodes = reach.cluster.pods.indices.map { reach.endpoint(ofPod: $0, level: level) }
        let d = DiagramBuilder.build(
            edges: reach.edges(level: level), nodes: nodes, level: level,
            options: DiagramOptions(minimumGroup: grouping ? 3 : .max, notes: ["<b>&note\"</b>"]))
        return (d, DiagramDotWriter.render(d))
    }

    @Test(arguments: [(AggregationLevel.workload, false), (.workload, true), (.namespace, false)])
    func graphvizParsesTheDOTAndTheSVGIsWellFormed(_ level: AggregationLevel, _ grouping: Bool) throws {
        let (_, dot) = diagram(level: level, grouping: grouping)
        let svg = try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg)
        let titles = try #require(svgTitles(svg), "SVG is not well-formed XML")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>"))
        guard level == .workload && !grouping else { return }
        // Names come back exactly as SVG titles.
        for name in ["quote\"d", "back\\slash", "trailing\\", "<script>alert(1)</script>", "a & b", "my--app", "}]; digraph x {", "ünï €"] {
            #expect(titles.contains { $0.contains("/\(name)[") }, "no title for \(name)")
        }
        // Control characters are shown as their pictures, never passed through.
        #expect(titles.contains { $0.contains("new\u{240A}line") })
        #expect(titles.contains { $0.contains("bell\u{2407}") })
        // An ampersand that looks like an entity is kept apart from it by a word joiner.
        #expect(titles.contains { $0.contains("/&\u{2060}#1;[") })
    }

    /// Every node is its own node: escaping keeps distinct names distinct.
    @Test func distinctNamesStayDistinctNodes() throws {
        let (d, dot) = diagram()
        let ids = Set(d.nodes.flatMap(\.members))
        #expect(ids.count == Self.names.count + d.nodes.filter { $0.kind == .external }.flatMap(\.members).count)
        #expect(!dot.contains("\n}]; digraph"))
        let png = try GraphvizRenderer.render(dot: dot, layout: .sfdp, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}

/// `list -o dot` and `render -o dot` quote a hostile name through the one DOT escaper.
@Suite struct DotQuotingTests {
    @Test func listAndRenderQuoteAlike() throws {
        let reach = Reachability(cluster: RenderHostileNamesTests.cluster)
        let edges = reach.edges(level: .workload)
        let list = EdgeFormatter.render(edges, as: .dot, nodes: Array(reach.groupEndpoints(level: .workload)))
        let render = DiagramDotWriter.render(
            DiagramBuilder.build(
                edges: edges, nodes: Array(reach.groupEndpoints(level: .workload)), level: .workload,
                options: DiagramOptions(minimumGroup: .max)))
        for name in RenderHostileNamesTests.names {
            let endpoint = reach.groupEndpoints(level: .workload).first { $0.bareName == name }!
            let quoted = DotText.id(endpoint.description)
            #expect(list.contains(quoted + " [label="), "list -o dot: \(name)")
            #expect(render.contains(quoted + " [label="), "render -o dot: \(name)")
        }
    }
}
