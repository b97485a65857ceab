import Foundation
import KubeReachTestSupport
import Testing

/// `kubereach diff -o dot|svg`: the diff drawn as a graph. DOT is compared with goldens
/// (the peer suite's semanticDiff scenarios, as in `DiffCommandTests`); SVG only checked
/// to be well-formed XML (Graphviz versions lay out differently).
@Suite struct DiffGraphTests {
    @Test(.enabled(if: DiffCommandTests.available, "no conformance data at ../../../shared/conformance"), arguments: DiffCommandTests.cases)
    func dotMatchesGolden(_ c: DiffCommandTests.Case) throws {
        let run = DiffCommandTests.diff(c.old, c.new, ["-o", "dot"])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: "\(c.golden).dot")
    }

    @Test(.enabled(if: DiffCommandTests.available, "no conformance data")) func changedEdgesShowWidenedAndNarrowed() {
        let run = DiffCommandTests.diff("same-topologies-old2", "same-topologies-new2", ["-o", "dot"])
        #expect(run.out.contains("label=<+ TCP 8082,UDP 9091<BR/>- SCTP 7070,TCP 8080,UDP 9090> color=\"#d9822b\""), "\(run.out)")
    }

    @Test(.enabled(if: DiffCommandTests.available, "no conformance data")) func svgIsWellFormed() throws {
        let run = DiffCommandTests.diff("different-topologies-policy-a", "different-topologies-policy-b", ["-o", "svg"])
        #expect(run.status == 0, "\(run.err)")
        let titles = try #require(svgTitles(run.bytes), "SVG is not well-formed XML")
        #expect(titles.contains("default/cog-agents-5[DaemonSet]"))
    }

    /// Shop against a copy with one policy removed: added edges green, appearing workloads
    /// marked, unchanged edges grey; the SVG written to a file.
    @Test func shopChangeIsDrawn() throws {
        let copy = try ShopCopy()
        defer { copy.remove() }
        try copy.addFile(
            "extra.yaml",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: newcomer, namespace: shop-api, labels: {app: newcomer}}
            spec: {containers: [{name: c, image: x}]}

            """)
        let dot = runCLI(["diff", ExampleTests.example, copy.path, "-o", "dot", "-q"])
        #expect(dot.status == 0, "\(dot.err)")
        #expect(
            dot.out.contains(
                "\"shop-api/newcomer[Pod]\" [label=<<B>newcomer</B><BR/><FONT POINT-SIZE=\"8\" COLOR=\"#5f6b77\">Pod</FONT><BR/><FONT POINT-SIZE=\"8\" COLOR=\"#2e8b3d\">added</FONT>>"
            ), "\(dot.out)")
        #expect(dot.out.contains("color=\"#2e8b3d\""))
        #expect(dot.out.contains("color=\"#b0b8c0\""))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-diff-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let svg = runCLI(["diff", ExampleTests.example, copy.path, "-o", "svg", "--out", file, "-q"])
        #expect(svg.status == 0 && svg.bytes.isEmpty, "\(svg.err)")
        #expect(isWellFormedXML(try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))))
    }
}
