import Foundation
import KubeReachTestSupport
import Testing

/// `kubereach list` on the basic fixture, every format and level, against golden files.
@Suite struct ListGoldenTests {
    @Test(arguments: ["txt", "json", "csv", "md", "dot"], ["workload", "pod", "namespace"])
    func list(format: String, level: String) throws {
        let run = runCLI(["list", fixture("basic"), "-o", format, "--by", level])
        #expect(run.status == 0, "stderr: \(run.err)")
        try assertSnapshot(run.out, named: "basic-\(level).\(format)")
    }

    @Test func namespaceFilterKeepsOnlyTouchingLines() {
        let run = runCLI(["list", fixture("basic"), "-n", "data"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.contains("data/") })
    }

    @Test func invalidPolicyStopsWithExit2AndFieldPath() {
        let run = runCLI(["list", fixture("invalid")])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("bad.yaml:10"))
        #expect(run.err.contains("spec.ingress[0].from[0].ipBlock.except[0]"))
        #expect(run.err.contains("NetworkPolicy shop/bad"))
    }

    @Test func keepGoingSkipsTheInvalidPolicy() {
        let run = runCLI(["list", fixture("invalid"), fixture("basic"), "--keep-going"])
        #expect(run.status == 0)
        #expect(run.err.contains("shop/bad"))
        #expect(run.out.contains("shop/web[Deployment] => shop/api[Deployment] : TCP 8080"))
    }

    @Test func missingPathIsAnError() {
        let run = runCLI(["list", "/nonexistent/path.yaml"])
        #expect(run.status == 2)
        #expect(run.err.contains("/nonexistent/path.yaml"))
    }

    @Test func noInputIsAUsageError() {
        let run = runCLI(["list"])
        #expect(run.status == 2)
        #expect(run.err.contains("no input"))
    }

    @Test func unknownFormatIsAUsageError() {
        let run = runCLI(["list", fixture("basic"), "-o", "xml"])
        #expect(run.status == 2)
    }
}

/// The bundled example is run by the tests, so it cannot rot; its README shows this output.
@Suite struct ExampleTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/shop").standardized.path

    @Test func shopListMatchesGolden() throws {
        let run = runCLI(["list", Self.example])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty, "no warnings expected: \(run.err)")
        try assertSnapshot(run.out, named: "shop-workload.txt")
    }

    @Test func readmeShowsCurrentOutput() throws {
        let readme = try String(contentsOfFile: Self.example + "/README.md", encoding: .utf8)
        let run = runCLI(["list", Self.example])
        #expect(readme.contains(run.out), "Examples/shop/README.md is stale: regenerate its Connectivity section")
    }

    /// The lateral-movement walkthrough shows what the commands print today.
    @Test(arguments: [
        ["paths", "--from", "internet", "--to", "shop-data/postgres", "-k", "3"], ["blast-radius", "shop-frontend/web"], ["exposure"],
    ])
    func readmeShowsCurrentLateralMovement(_ args: [String]) throws {
        let readme = try String(contentsOfFile: Self.example + "/README.md", encoding: .utf8)
        let run = runCLI(args + [Self.example])
        #expect(run.status == 0, "\(run.err)")
        #expect(
            !run.out.isEmpty && readme.contains(run.out),
            "Examples/shop/README.md is stale: regenerate its Lateral movement section (\(args[0]))")
    }
}
