import Foundation
import KubeReachCore
import KubeReachGraphviz
import KubeReachRender
import KubeReachTestSupport
import Testing

/// `kubereach report`: one self-contained, escaped, deterministic HTML page whose figures
/// agree with `list` and `lint`.
@Suite struct ReportCommandTests {
    static let shop = ExampleTests.example

    @Test func shopReportIsSelfContained() throws {
        let run = runCLI(["report", Self.shop, "-q"])
        #expect(run.status == 0, "\(run.err)")
        let html = run.out
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.hasSuffix("</html>\n"))
        for url in ReportHTML.urls(html) { #expect(ReportHTML.allowedURLs.contains(url), "loads \(url)") }
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("src="))
        // Two scripts (summary JSON, code), each ended only by its own </script>.
        #expect(ReportHTML.count("<script", in: html) == 2)
        #expect(ReportHTML.count("</script>", in: html) == 2)
        // The inline SVG without its XML declaration, DOCTYPE or comments.
        #expect(html.contains("<svg") && !html.contains("<?xml") && !html.contains("<!DOCTYPE svg") && !html.contains("<!--"))
        // The script sets data-ready itself; the page does not claim it.
        #expect(!html.contains("data-ready=\""))
    }

    /// One table row per line that `list --externals merged` prints (the report's default), and
    /// the summary's figures are list's and lint's counts.
    @Test func figuresAgreeWithListAndLint() throws {
        let html = runCLI(["report", Self.shop, "-q"]).out
        let list = runCLI(["list", Self.shop, "-q", "--externals", "merged"]).out.split(separator: "\n")
        #expect(ReportHTML.count("<tr class=\"pair\">", in: html) == list.count)
        let summary = try #require(ReportHTML.summary(html))
        #expect(summary["allowedPairs"] as? Int == list.count)
        #expect(summary["fromExternal"] as? Int == list.count { $0.split(separator: " => ")[0].hasSuffix("[External]") })
        #expect(summary["toExternal"] as? Int == list.count { $0.contains("[External] : ") })
        let lint = try JSONDecoder().decode(LintDocument.self, from: Data(runCLI(["lint", Self.shop, "-o", "json", "-q"]).out.utf8))
            .findings
        for severity in ["error", "warning", "note"] {
            let key = "lint" + severity.prefix(1).uppercased() + severity.dropFirst() + "s"
            #expect(summary[key] as? Int == lint.count { $0.severity == severity }, "\(key)")
        }
        #expect(summary["namespaces"] as? Int == 6)  // kube-system, monitoring and four shop-*
        #expect(html.contains("data-key=\"allowedPairs\"><span class=\"n\">\(list.count)</span>"))
        // Every pair is explained (a hidden row after it).
        #expect(ReportHTML.count("<tr class=\"why\" hidden>", in: html) == list.count)
    }

    @Test func sameInputSameBytes() {
        #expect(runCLI(["report", Self.shop, "-q"]).out == runCLI(["report", Self.shop, "-q"]).out)
        #expect(!runCLI(["report", Self.shop, "-q"]).out.contains("generated"))
        #expect(runCLI(["report", Self.shop, "-q", "--timestamp"]).out.contains("· generated 20"))
    }

    @Test func outFileOrStdout() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-report-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let toFile = runCLI(["report", fixture("render"), "--out", file, "-q"])
        #expect(toFile.status == 0 && toFile.out.isEmpty, "\(toFile.err)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        let toStdout = runCLI(["report", fixture("render"), "-q"])
        #expect(toStdout.status == 0 && written == toStdout.out)
        #expect(runCLI(["report", fixture("render"), "-o", "pdf"]).status == 2)
        #expect(runCLI(["report", "/nonexistent"]).status == 2)
        #expect(runCLI(["report", fixture("render"), "--out", "/nonexistent/dir/r.html"]).status == 2)
    }

    @Test func capsAreApplied() {
        let html = runCLI(["report", Self.shop, "-q", "--max-rows", "5", "--max-explained", "2"]).out
        #expect(ReportHTML.count("<tr class=\"pair\">", in: html) == 5)
        #expect(ReportHTML.count("<tr class=\"why\" hidden>", in: html) == 2)
        #expect(html.contains("Showing the first 5 of"))
        #expect(html.contains("Explanations are included for the first 2 pairs only"))
    }

    /// Past --max-nodes the diagram falls back to namespaces, as render does, and says so.
    @Test func largeDiagramsFallBackToNamespaces() {
        let html = runCLI(["report", Self.shop, "-q", "--max-nodes", "5"]).out
        #expect(html.contains("drawn by namespace"))
        #expect(html.contains("<title>cluster_legend</title>") || html.contains("<svg"))
    }

    /// A hostile title cannot end the summary script or open a tag.
    @Test func hostileTitleIsEscaped() throws {
        let title = "</script><script>alert(1)</script> & \"q\" 'a'"
        let html = runCLI(["report", Self.shop, "-q", "--title", title]).out
        #expect(ReportHTML.count("<script", in: html) == 2)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;</h1>"))
        #expect(try #require(ReportHTML.summary(html))["title"] as? String == title)
    }

    /// Names Kubernetes would refuse (built in code): they appear only escaped, in the
    /// table, the explanations and the inline SVG alike.
    @Test func hostileNamesAppearOnlyEscaped() throws {
        let reach = Reachability(cluster: HostileNames.cluster)
        let edges = reach.edges(level: .workload)
        let nodes = reach.cluster.pods.indices.map { reach.endpoint(ofPod: $0, level: .workload) }
        let dot = DiagramDotWriter.render(DiagramBuilder.build(edges: edges, nodes: nodes, level: .workload))
        let svg = String(decoding: try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg), as: UTF8.self)
        let content = ReportContent(
            title: "t", summary: ReportSummary(cluster: reach.cluster, workloads: Set(nodes).count, edges: edges, findings: []), svg: svg,
            diagramNotes: ["<b>note</b>"], edges: edges, explanations: edges.map { "why: \($0.source) <script>" })
        let html = HTMLReport.render(content)
        #expect(!html.contains("<script>alert"))
        #expect(ReportHTML.count("<script", in: html) == 2)
        #expect(!html.contains("<b>note</b>"))
        #expect(!html.contains("a & b"))
        #expect(!html.contains("ns<\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(ReportHTML.count("<tr class=\"pair\">", in: html) == edges.count)
        // Outside the SVG (where Graphviz escapes), quotes in names are entities too.
        let outside = html.replacing(/<svg[\s\S]*<\/svg>/, with: "")
        #expect(!outside.contains("quote\"d"))
        #expect(outside.contains("quote&quot;d"))
    }
}
