import Foundation
import KubeReachGraphviz
import KubeReachTestSupport
import Testing

/// The renderer on small graphs: formats, errors as values, determinism, concurrency.
@Suite struct GraphvizRendererTests {
    static let small = """
        digraph kubereach {
            subgraph "cluster_b" { label="b"; "b/x" }
            subgraph "cluster_a" { label="a"; "a/y"; "a/z" }
            "a/y" -> "b/x" [label="TCP 80"]
            "a/z" -> "a/y"
        }
        """

    @Test func svgIsWellFormedXMLWithTheNodeTitles() throws {
        let bytes = try GraphvizRenderer.render(dot: Self.small, layout: .dot, format: .svg)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("<title>a/y</title>"))
        #expect(text.contains("<title>cluster_a</title>"))
        #expect(isWellFormedXML(bytes))
    }

    @Test func pngStartsWithTheSignature() throws {
        let bytes = try GraphvizRenderer.render(dot: Self.small, layout: .dot, format: .png)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test(arguments: GraphvizRenderer.Layout.allCases)
    func everyLayoutRenders(_ layout: GraphvizRenderer.Layout) throws {
        let bytes = try GraphvizRenderer.render(dot: Self.small, layout: layout, format: .svg)
        #expect(isWellFormedXML(bytes))
    }

    @Test func malformedDOTIsATypedErrorWithGraphvizMessage() {
        #expect {
            _ = try GraphvizRenderer.render(dot: "digraph { a -> ; }", layout: .dot, format: .svg)
        } throws: { error in
            guard let e = error as? GraphvizError else { return false }
            return e.stage == .parse && e.message.contains("syntax error")
        }
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: GraphvizError.self) { _ = try GraphvizRenderer.render(dot: "", layout: .dot, format: .svg) }
    }

    /// An HTML label Graphviz cannot parse still "renders"; the error must not be lost.
    @Test func malformedHTMLLabelIsAnError() {
        #expect(throws: GraphvizError.self) {
            _ = try GraphvizRenderer.render(dot: "digraph { a [label=<<B>unclosed>] }", layout: .dot, format: .svg)
        }
    }

    /// The renderer still works after an error (state reset between calls).
    @Test func recoversAfterAnError() throws {
        _ = try? GraphvizRenderer.render(dot: "digraph {", layout: .dot, format: .svg)
        let bytes = try GraphvizRenderer.render(dot: "digraph g { a -> b }", layout: .dot, format: .svg)
        #expect(!bytes.isEmpty)
    }

    /// Same input, same bytes, within one process (seeded layouts, stable IDs).
    @Test(arguments: GraphvizRenderer.Layout.allCases)
    func repeatedRendersAreIdentical(_ layout: GraphvizRenderer.Layout) throws {
        let first = try GraphvizRenderer.render(dot: Self.small, layout: layout, format: .svg)
        for _ in 0..<3 {
            #expect(try GraphvizRenderer.render(dot: Self.small, layout: layout, format: .svg) == first)
        }
    }

    /// With Graphviz's default ID discipline (string addresses as IDs) this gives 30 different
    /// SVGs out of 30, because clusters are laid out in ID order; with ours, one.
    @Test func clusterOrderIsStableAcrossRendersInOneProcess() throws {
        var dot = "digraph kubereach {\n"
        for i in 0..<12 {
            dot += "subgraph \"cluster_n\(i)\" { label=\"n\(i)\"; \"n\(i)/a\"; \"n\(i)/b\" }\n\"n\(i)/a\" -> \"n\((i * 7) % 12)/b\"\n"
        }
        dot += "}\n"
        var outputs = Set<[UInt8]>()
        for k in 0..<30 {
            // Other graphs in between, so that interned strings land at other addresses.
            _ = try GraphvizRenderer.render(dot: "digraph g\(k) { x\(k) -> y\(k); z\(k) }", layout: .dot, format: .svg)
            outputs.insert(try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg))
        }
        #expect(outputs.count == 1)
    }

    /// Calls from many tasks at once are serialised, not corrupted.
    @Test func concurrentCallsAllSucceed() async throws {
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<16 {
                group.addTask { try GraphvizRenderer.render(dot: "digraph g\(i) { a\(i) -> b\(i) }", layout: .dot, format: .svg).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.count == 16 && results.allSatisfy { $0 > 0 })
    }

    /// Quotes, backslashes (one at the end), markup and ampersands survive as text.
    @Test func hostileIdentifiersGiveWellFormedSVG() throws {
        let dot = #"digraph g { "a\"b\\" -> "<script>alert(1)</script> & co" [label=<x &amp; &lt;y&gt;>] }"#
        let bytes = try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(isWellFormedXML(bytes))
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;"))
    }
}
