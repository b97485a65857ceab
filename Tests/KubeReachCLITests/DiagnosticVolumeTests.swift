import Foundation
import KubeReachCore
import Testing

@testable import KubeReachCLI

/// `--max-errors`: past 50 diagnostics of one kind (by default), one line counts the rest.
@Suite struct DiagnosticVolumeTests {
    static func badAddress(_ i: Int) -> Diagnostic {
        Diagnostic(.error, "invalid IP address 'fd00::1\(String(i, radix: 16))'", fieldPath: "status.podIP")
    }

    @Test func pastTheLimitOneLineCountsTheRest() {
        let other = [
            Diagnostic(.error, "containerPort 70000 is outside 1-65535"), Diagnostic(.warning, "port entry without containerPort"),
        ]
        let all = (0..<120).map(Self.badAddress) + other
        let shown = DiagnosticVolume.limited(all, to: 50)
        #expect(shown.count == 50 + 1 + 2)
        #expect(Array(shown.prefix(50)) == Array(all.prefix(50)))
        #expect(shown[50].severity == .error)
        #expect(shown[50].message.hasPrefix("70 more errors like \"invalid IP address 'fd00::1"))
        #expect(shown[50].message.contains("--max-errors 0"))
        #expect(Array(shown.suffix(2)) == other)
    }

    @Test(arguments: [(0, 120), (200, 120), (120, 120), (119, 120)])
    func limitZeroOrUnreachedKeepsEverything(limit: Int, count: Int) {
        let all = (0..<count).map(Self.badAddress)
        let shown = DiagnosticVolume.limited(all, to: limit)
        #expect(shown.count == (limit == 0 || count <= limit ? count : limit + 1))
    }

    /// Kinds: quoted values and numbers aside; severity and wording count.
    @Test func kindsIgnoreValuesOnly() {
        #expect(DiagnosticVolume.kind(of: Self.badAddress(1)) == DiagnosticVolume.kind(of: Self.badAddress(99_999)))
        #expect(
            DiagnosticVolume.kind(of: Diagnostic(.error, "containerPort 0 is outside 1-65535"))
                == DiagnosticVolume.kind(of: Diagnostic(.error, "containerPort 70000 is outside 1-65535")))
        #expect(DiagnosticVolume.kind(of: Diagnostic(.warning, "x 'a'")) != DiagnosticVolume.kind(of: Diagnostic(.error, "x 'a'")))
        #expect(DiagnosticVolume.kind(of: Diagnostic(.error, "x 'a'")) != DiagnosticVolume.kind(of: Diagnostic(.error, "y 'a'")))
    }

    /// End to end: 60 pods with a bad address each print 50 errors and one count by default,
    /// all 60 with `--max-errors 0`; a negative limit is a usage error.
    @Test func theCLIPrintsAtMostFiftyOfAKind() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-volume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pods.yaml").path
        let pods = (0..<60).map {
            "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p\($0), namespace: a}\nstatus: {podIP: 10.0.0.\(300 + $0)}\n"
        }
        try pods.joined().write(toFile: file, atomically: true, encoding: .utf8)
        let lines = { (run: CLIRun) in run.err.split(separator: "\n").filter { $0.contains("invalid IP address") } }
        let byDefault = runCLI(["list", file])
        #expect(byDefault.status == 2)
        #expect(lines(byDefault).count == 51)
        #expect(byDefault.err.contains("10 more errors like \"invalid IP address '10.0.0.350'\" not shown"))
        let all = runCLI(["list", file, "--max-errors", "0"])
        #expect(all.status == 2 && lines(all).count == 60 && !all.err.contains("more errors like"))
        let five = runCLI(["list", file, "--max-errors", "5", "--keep-going"])
        #expect(lines(five).count == 6)
        #expect(runCLI(["list", file, "--max-errors", "-1"]).status == 2)
    }
}
