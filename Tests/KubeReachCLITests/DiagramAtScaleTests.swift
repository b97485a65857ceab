import Foundation
import KubeReachTestSupport
import Testing

/// Diagrams of the real-shaped example (55 workloads, 587 workload edges): fans collapsed,
/// the namespace fallback on edges, the picture size cap, and the report's readable diagram.
@Suite struct DiagramAtScaleTests {
    static let marketplace = ExternalsOptionTests.marketplace

    static func edges(_ dot: String) -> [Substring] {
        dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("legend") }
    }

    @Test func renderMatchesGolden() throws {
        let run = runCLI(["render", Self.marketplace, "-o", "dot"])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: "marketplace-render.dot")
    }

    /// Past --max-edges the biggest fans become lines on their node; the notes (stderr and
    /// legend) say how many edges were left out and name the fans.
    @Test func fansAreCollapsedPastMaxEdges() {
        let run = runCLI(["render", Self.marketplace, "-o", "dot"])
        #expect(run.err.contains("587 edges is more than --max-edges 150: "), "\(run.err)")
        #expect(run.err.contains("fans (kubereach list --focus NAME lists them): 0.0.0.0/0[External] reached by 38 of 53 workloads"))
        #expect(Self.edges(run.out).count <= 150)
        #expect(run.out.contains("reached by 38 of 53 workloads: All Connections"))
        #expect(run.out.contains("\"legend: fan\""))
        let all = runCLI(["render", Self.marketplace, "-o", "dot", "-q", "--max-edges", "0"]).out
        #expect(Self.edges(all).count > 500 && !all.contains("\"legend: fan\""))
    }

    /// Still above the limit with fans collapsed: drawn by namespace, without the workload fans.
    @Test func tooManyEdgesFallBackToNamespaces() {
        let run = runCLI(["render", Self.marketplace, "-o", "dot", "--max-edges", "60"])
        #expect(run.err.contains("587 edges between workloads (68 with fans collapsed) is more than --max-edges 60: drawn by namespace"))
        #expect(!run.err.contains("fans (kubereach list"))
        #expect(run.out.contains("\"storefront\" [label=<<B>storefront</B>> shape=folder") && !run.out.contains("[Deployment]"))
    }

    /// Every diagram carries Graphviz's size cap, so a tangle is scaled down, not gigabytes.
    @Test func pictureSizeIsCapped() {
        let run = runCLI(["render", Self.marketplace, "-o", "png", "-q", "--max-edges", "0", "--max-nodes", "0"])
        #expect(run.status == 0)
        let b = run.bytes
        #expect(b.count > 24 && Array(b.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let width = b[16...19].reduce(0) { $0 << 8 | Int($1) }, height = b[20...23].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 60 * 96 && height <= 60 * 96, "\(width) x \(height)")
    }

    /// The report opens with the namespace diagram (the workload one is too dense at page
    /// width), its notes above it in HTML rather than in the picture.
    @Test func reportShowsANamespaceDiagram() {
        let html = runCLI(["report", Self.marketplace, "-q", "--max-explained", "0"]).out
        let diagram = html.firstRange(of: "<section id=\"diagram\">").map { html[$0.lowerBound...] } ?? ""
        #expect(
            diagram.contains(
                "<p class=\"note\">587 edges between workloads (68 with fans collapsed) is more than --max-edges 60: drawn by namespace"))
        #expect(diagram.contains("<title>storefront</title>"))
        #expect(!diagram.contains("<title>legend: notes</title>"))
        #expect(html.range(of: "id=\"diagram\"")!.lowerBound < html.range(of: "id=\"connectivity\"")!.lowerBound)
    }
}
