import Foundation
import Testing

@testable import KubeReachCLI

/// `diff --watch`: the diff written again after each edit, errors in a half-saved file
/// reported without ending the watch, and the combinations it refuses.
@Suite struct DiffWatchTests {
    @Test(arguments: [
        (["--watch-runs", "1"], "--watch-runs goes with --watch"),
        (["--watch", "--watch-runs", "0"], "at least 1"),
        (["--watch", "--fail-on-widen"], "--fail-on-widen"),
    ])
    func refusedCombinations(extra: [String], message: String) throws {
        let shop = try ShopCopy()
        defer { shop.remove() }
        let run = runCLI(["diff", shop.path, shop.path] + extra)
        #expect(run.status == 2)
        #expect(run.err.contains(message), "\(run.err)")
    }

    /// Writing the diff where the watch looks (a manifest name in a watched directory, or a
    /// watched file) would start a diff after every diff; anywhere else is fine.
    @Test func theOutputFileCannotBeWatched() throws {
        let old = try ShopCopy(), new = try ShopCopy()
        defer {
            old.remove()
            new.remove()
        }
        for out in [new.path + "/diff.json", new.path + "/policies/../diff.yaml", old.path + "/policies/shop-api.yaml"] {
            let run = runCLI(["diff", old.path, new.path, "--watch", "--out", out])
            #expect(run.status == 2, "\(out)")
            #expect(run.err.contains("is inside the watched"), "\(run.err)")
        }
        #expect(DiffCommand.watched(new.path + ".diff.txt", by: [old.path, new.path]) == nil)
        #expect(DiffCommand.watched(new.path + "/diff.md", by: [old.path, new.path]) == nil, "loading does not read .md files")
        #expect(DiffCommand.watched(new.path + "/README.md", by: [new.path + "/README.md"]) == new.path + "/README.md")
        #expect(DiffCommand.watched(NSTemporaryDirectory() + "elsewhere.txt", by: [old.path, new.path]) == nil)
    }

    @Test func standardInputAndRevisionsCannotBeWatched() {
        let stdin = runCLI(["diff", "-", ExampleTests.example, "--watch"])
        #expect(stdin.status == 2)
        #expect(stdin.err.contains("cannot watch standard input"), "\(stdin.err)")
        let revisions = runCLI(["diff", "git:HEAD:Examples/shop", "git:HEAD~1:Examples/shop", "--watch"])
        #expect(revisions.status == 2)
        #expect(revisions.err.contains("needs a path on disk"), "\(revisions.err)")
    }

    /// The real binary watching two copies of the example: an edit to NEW gives the diff of
    /// the edited files (as a fresh `diff` prints it), a syntax error is reported and the
    /// file written before is kept, and `--watch-runs 2` ends it after the second edit.
    @Test func diffsAgainAfterEachEdit() throws {
        try #require(FileManager.default.isExecutableFile(atPath: StdinTests.binary.path), "no kubereach binary")
        let old = try ShopCopy(), new = try ShopCopy()
        defer {
            old.remove()
            new.remove()
        }
        let out = new.path + ".diff.txt"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = StdinTests.binary
        process.arguments = ["diff", old.path, new.path, "--watch", "--watch-runs", "2", "--out", out, "-v"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let first = try #require(Self.waitFor { Self.contents(out) })
        #expect(first.contains("No connectivity changes"))
        try new.edit("policies/shop-api.yaml") { $0.replacingOccurrences(of: "- port: http", with: "- port: 9999") }
        let second = try #require(Self.waitFor { Self.contents(out).flatMap { $0 == first ? nil : $0 } })
        #expect(second == runCLI(["diff", old.path, new.path]).out)
        #expect(second.contains("TCP 9999"))

        try new.edit("policies/shop-api.yaml") { $0 + "\n  broken: [unclosed\n" }
        #expect(Self.waitFor { process.isRunning ? nil : true } == true, "the watch did not end after --watch-runs 2")
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("shop-api.yaml"), "\(stderr)")
        #expect(stderr.contains("error:"), "\(stderr)")
        #expect(stderr.contains("diff --watch: 1 file(s) changed; diff again"), "\(stderr)")
        #expect(stderr.contains("diff --watch: run 3 took"), "\(stderr)")
        #expect(Self.contents(out) == second, "a failed run must leave the last diff in place")
    }

    private static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// Polls until `probe` gives a value, for at most a minute (a failure, not a hang).
    private static func waitFor<T>(_ probe: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let value = probe() { return value }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}
