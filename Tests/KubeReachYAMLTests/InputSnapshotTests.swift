import Foundation
import Testing

@testable import KubeReachYAML

/// `InputSnapshot`, what `diff --watch` polls: equal while nothing is written, different
/// after a rewrite, a replacement by rename, a new or removed manifest, and blind to files
/// loading would not read.
@Suite struct InputSnapshotTests {
    @Test func editsAndNewAndRemovedManifestsAreChanges() throws {
        let dir = NSTemporaryDirectory() + "kubereach-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a: 1\n".write(toFile: dir + "/a.yaml", atomically: false, encoding: .utf8)
        try "b: 1\n".write(toFile: dir + "/sub/b.yml", atomically: false, encoding: .utf8)
        let start = InputSnapshot(paths: [dir])
        #expect(InputSnapshot(paths: [dir]) == start)

        try "notes\n".write(toFile: dir + "/README.md", atomically: false, encoding: .utf8)
        #expect(InputSnapshot(paths: [dir]) == start, "a file loading does not read is no change")

        try "b: 2\n".write(toFile: dir + "/sub/b.yml", atomically: true, encoding: .utf8)
        let renamed = InputSnapshot(paths: [dir])
        #expect(renamed != start)
        #expect(renamed.filesChanged(since: start) == 1)

        try "a: 22\n".write(toFile: dir + "/a.yaml", atomically: false, encoding: .utf8)
        let rewritten = InputSnapshot(paths: [dir])
        #expect(rewritten.filesChanged(since: renamed) == 1)

        try "c: 1\n".write(toFile: dir + "/c.json", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/a.yaml")
        let swapped = InputSnapshot(paths: [dir])
        #expect(swapped.filesChanged(since: rewritten) == 2)
        #expect(InputSnapshot(paths: [dir + "/sub/b.yml"]) != InputSnapshot(paths: [dir + "/a.yaml"]))
    }

    @Test func aMissingPathIsStateToo() throws {
        let file = NSTemporaryDirectory() + "kubereach-snapshot-\(UUID().uuidString).yaml"
        let missing = InputSnapshot(paths: [file])
        try "a: 1\n".write(toFile: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(InputSnapshot(paths: [file]) != missing)
        #expect(InputSnapshot(paths: ["-"]) == InputSnapshot(paths: []))
    }
}
