import Foundation
import KubeReachTestSupport
import Testing

/// `--externals merged|split` on `list`, `report` and `render`, on the real-shaped example.
@Suite struct ExternalsOptionTests {
    static let marketplace = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/marketplace").standardized.path

    @Test(arguments: [
        ("marketplace-list-split.txt", ["-o", "txt"]),
        ("marketplace-list-merged.txt", ["-o", "txt", "--externals", "merged"]),
        ("marketplace-list-merged.md", ["-o", "md"]),
        ("marketplace-list-split.md", ["-o", "md", "--externals", "split"]),
        ("marketplace-list-merged.json", ["-o", "json", "--externals", "merged"]),
        ("marketplace-namespace-merged.csv", ["-o", "csv", "--by", "namespace", "--externals", "merged"]),
    ])
    func listMatchesGolden(_ golden: String, _ args: [String]) throws {
        let run = runCLI(["list", Self.marketplace, "-q"] + args)
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: golden)
    }

    /// txt, csv and json keep the peer-compatible split unless asked; md merges.
    @Test func defaultsFollowTheFormat() {
        let split = runCLI(["list", Self.marketplace, "-q"]).out
        let merged = runCLI(["list", Self.marketplace, "-q", "--externals", "merged"]).out
        #expect(split.contains(" => 0.0.0.0-192.0.2.24[External] : ") && !merged.contains("0.0.0.0-192.0.2.24[External]"))
        #expect(merged.split(separator: "\n").count < split.split(separator: "\n").count)
        #expect(
            runCLI(["list", Self.marketplace, "-q", "-o", "json"]).out
                == runCLI(["list", Self.marketplace, "-q", "-o", "json", "--externals", "split"]).out)
        #expect(runCLI(["list", Self.marketplace, "-q", "-o", "md"]).out.contains("`0.0.0.0/0[External]`"))
    }

    @Test func dotRefusesMerged() {
        let run = runCLI(["list", Self.marketplace, "-o", "dot", "--externals", "merged"])
        #expect(run.status == 2 && run.err.contains("--externals merged does not apply to -o dot"), "\(run.err)")
        #expect(runCLI(["list", Self.marketplace, "--externals", "both"]).status == 2)
    }

    /// The report's table and figures follow the option: merged by default, split on request,
    /// each agreeing with `list` in the same mode.
    @Test(arguments: ["merged", "split"])
    func reportTableFollowsTheOption(_ mode: String) throws {
        let args = mode == "merged" ? [] : ["--externals", mode]
        let html = runCLI(["report", Self.marketplace, "-q", "--max-explained", "0"] + args).out
        let list = runCLI(["list", Self.marketplace, "-q", "--externals", mode]).out.split(separator: "\n")
        #expect(ReportHTML.count("<tr class=\"pair\">", in: html) == list.count)
        let summary = try #require(ReportHTML.summary(html))
        #expect(summary["allowedPairs"] as? Int == list.count)
        #expect(summary["toExternal"] as? Int == list.count { $0.contains("[External] : ") })
    }

    /// In the diagram, merged lines share one external node per set of ranges; split draws
    /// the ranges (joined when treated alike) as before.
    @Test func renderDrawsMergedRangesAsOneNode() {
        let merged = runCLI(["render", Self.marketplace, "-o", "dot", "-q", "--max-edges", "0", "--by", "namespace"]).out
        #expect(merged.contains("\"0.0.0.0/0[External]\" [label=<<B>internet</B>>"))
        let split = runCLI(["render", Self.marketplace, "-o", "dot", "-q", "--max-edges", "0", "--by", "namespace", "--externals", "split"])
            .out
        #expect(!split.contains("0.0.0.0/0[External]") && split.contains("-255.255.255.255[External]"))
    }
}
