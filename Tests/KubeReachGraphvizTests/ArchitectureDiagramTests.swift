import Foundation
import KubeReachGraphviz
import KubeReachTestSupport
import Testing

/// Docs/architecture.dot is plain DOT that kubereach's own Graphviz module draws; with
/// KUBEREACH_RECORD=1 the SVG in Docs/images is written anew.
@Suite struct ArchitectureDiagramTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs").standardized

    @Test func diagramRendersToWellFormedSVG() throws {
        let dot = try String(contentsOf: Self.docs.appendingPathComponent("architecture.dot"), encoding: .utf8)
        let svg = try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg)
        let titles = try #require(svgTitles(svg), "SVG is not well-formed XML")
        #expect(titles.contains("engine") && titles.contains("cli"))
        if ProcessInfo.processInfo.environment["KUBEREACH_RECORD"] == "1" {
            try Data(svg).write(to: Self.docs.appendingPathComponent("images/architecture.svg"))
        }
    }
}
