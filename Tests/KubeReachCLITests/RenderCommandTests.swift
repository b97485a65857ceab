import Foundation
import KubeReachTestSupport
import Testing

/// `kubereach render`: golden DOT, SVG and PNG through the in-process renderer, options and errors.
@Suite struct RenderCommandTests {
    static let shop = ExampleTests.example

    @Test(arguments: [
        ("shop-render.dot", [shop]),
        ("shop-render-namespace.dot", [shop, "--by", "namespace"]),
        ("shop-render-path.dot", [shop, "--path-from", "internet", "--path-to", "shop-data/postgres"]),
        ("shop-render-focus.dot", [shop, "--focus", "shop-api/*"]),
    ])
    func shopMatchesGolden(_ golden: String, _ args: [String]) throws {
        let run = runCLI(["render", "-o", "dot", "-q"] + args)
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: golden)
    }

    /// Groups, a "reaches every workload" marker and merged mutual edges.
    @Test func fixtureMatchesGolden() throws {
        let run = runCLI(["render", fixture("render"), "-o", "dot"])
        // Only the one note on what "internet" stands for (no pod or service CIDR given).
        #expect(
            run.status == 0 && run.err.split(separator: "\n").count == 1 && run.err.hasPrefix("note: \"internet\" stands for"), "\(run.err)"
        )
        try assertSnapshot(run.out, named: "render-fixture.dot")
        #expect(run.out.contains("\"open/a[Deployment] +2\" [label=<<B>3 workloads</B>"))
        #expect(run.out.contains("reaches every workload: All Connections"))
    }

    @Test func svgIsWellFormedWithNodeTitles() throws {
        let run = runCLI(["render", fixture("render"), "-o", "svg"])
        #expect(run.status == 0, "\(run.err)")
        let titles = try #require(svgTitles(run.bytes), "SVG is not well-formed XML")
        for t in ["cluster_ns:open", "open/a[Deployment] +2", "monitoring/prom[Deployment]", "vault/secret[Pod]", "cluster_legend"] {
            #expect(titles.contains(t), "missing title \(t)")
        }
    }

    @Test func pngStartsWithTheSignature() {
        let run = runCLI(["render", fixture("render"), "-o", "png"])
        #expect(run.status == 0, "\(run.err)")
        #expect(Array(run.bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func outFileIsWrittenWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("d.png").path
        let run = runCLI(["render", fixture("render"), "-o", "png", "--out", file, "--layout", "neato"])
        #expect(run.status == 0 && run.bytes.isEmpty && run.out.isEmpty)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(written.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let bad = runCLI(["render", fixture("render"), "--out", dir.appendingPathComponent("missing/d.svg").path])
        #expect(bad.status == 2 && bad.err.contains("cannot write"))
    }

    /// Past --max-nodes the diagram is drawn by namespace, and says so (legend and stderr).
    @Test func largeGraphsFallBackToNamespaces() {
        let run = runCLI(["render", Self.shop, "-o", "dot", "--max-nodes", "5"])
        #expect(run.status == 0)
        #expect(run.err.contains("note: 10 workloads is more than --max-nodes 5: drawn by namespace"))
        #expect(run.out.contains("\"shop-api\" [label=<<B>shop-api</B>> shape=folder"))
        #expect(run.out.contains("\"legend: notes\""))
        #expect(!run.out.contains("[Deployment]"))
        let quiet = runCLI(["render", Self.shop, "-o", "dot", "--max-nodes", "3", "-q"])
        #expect(quiet.err.isEmpty && quiet.out.contains("laid out with sfdp"))
    }

    @Test(arguments: [
        (["--path-from", "internet"], "--path-from and --path-to go together"),
        (["--focus", "nope/*"], "--focus nope/* matches no workload"),
        (["--focus", "a/b/c/d"], "--focus: expected internet"),
        (["-o", "pdf"], "pdf"),
        (["--layout", "circo"], "circo"),
        (["--by", "pods"], "pods"),
        (["--by", "pod", "--path-from", "internet", "--path-to", "shop-api/*"], "not --by pod"),
    ])
    func badOptionsExitWithTwo(_ args: [String], _ message: String) {
        let run = runCLI(["render", Self.shop] + args)
        #expect(run.status == 2)
        #expect(run.err.contains(message), "\(run.err)")
    }

    /// With a focus, the path's hops stay drawn, but not every edge of the nodes on it.
    @Test func focusKeepsThePathButNotItsNeighbours() {
        let run = runCLI([
            "render", Self.shop, "-o", "dot", "-q", "--focus", "shop-data/postgres", "--path-from", "internet", "--path-to",
            "shop-data/postgres",
        ])
        let edges = run.out.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("legend") }
        #expect(edges.count == 5, "\(edges)")
        #expect(edges.filter { $0.contains("penwidth=3") }.count == 2)
        #expect(run.out.contains("only connections touching shop-data/postgres"))
    }

    @Test func noPathIsANoteNotAnError() {
        let run = runCLI(["render", fixture("render"), "-o", "dot", "--path-from", "locked/db", "--path-to", "vault/secret"])
        #expect(run.status == 0)
        #expect(run.err.contains("note: no path from locked/db to vault/secret"))
        #expect(!run.out.contains("d62728\" fontcolor"))
    }
}
