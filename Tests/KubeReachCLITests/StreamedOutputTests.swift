import Foundation
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// Lists are written in pieces: the pieces must add up to exactly the text `render` gives,
/// in every format, also when the list spans many pieces.
@Suite struct StreamedOutputTests {
    @Test(arguments: [ListFormat.txt, .json, .csv, .md, .dot])
    func streamEqualsRender(_ format: ListFormat) throws {
        let text = SyntheticCluster(size: .init(pods: 1200, namespaces: 20, policies: 80), seed: 4).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "s.yaml", bytes: Array(text.utf8))]).cluster
        let edges = Reachability(cluster: cluster).edges(level: .pod)
        var pieces: [String] = []
        var out = EdgeStream(chunk: 4096) { pieces.append($0) }
        try EdgeFormatter.stream(edges, as: format, to: &out)
        let whole = EdgeFormatter.render(edges, as: format)
        #expect(pieces.joined() == whole)
        if format != .dot { #expect(pieces.count > 3, "several pieces: \(whole.utf8.count) bytes") }
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 4096 })
        var empty: [String] = []
        var none = EdgeStream { empty.append($0) }
        try EdgeFormatter.stream([], as: format, to: &none)
        #expect(empty.joined() == EdgeFormatter.render([], as: format))
    }

    @Test func outFileIsWrittenWholeAndStdoutStaysEmpty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("pods.json").path
        let run = runCLI(["list", ExampleTests.example, "--by", "pod", "-o", "json", "--out", target])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.isEmpty)
        let direct = runCLI(["list", ExampleTests.example, "--by", "pod", "-o", "json"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == direct.out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["pods.json"], "no temporary file left")
    }
}
