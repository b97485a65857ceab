import Foundation
import KubeReachCore
import KubeReachYAML
import Testing

/// Turning paths into sources: directories recursively, in sorted order, manifests only.
@Suite struct ManifestFilesTests {
    /// A fresh directory with the given files (relative path -> content).
    static func directory(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-files-\(UUID().uuidString)").path
        for (relative, content) in files {
            let path = (root as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func directoriesAreWalkedRecursivelyInSortedOrder() throws {
        let root = try Self.directory(["b.yaml": "b", "a.yml": "a", "sub/c.json": "{}", "sub/z/d.YAML": "d", "readme.md": "no", "x.txt": "no"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let names = try ManifestFiles.collect([root]).map { String($0.name.dropFirst(root.count + 1)) }
        #expect(names == ["a.yml", "b.yaml", "sub/c.json", "sub/z/d.YAML"])
    }

    @Test func filesAreReadAsGivenAndBytesKept() throws {
        let root = try Self.directory(["one.txt": "apiVersion: v1"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = (root as NSString).appendingPathComponent("one.txt")
        let sources = try ManifestFiles.collect([file])
        #expect(sources.map(\.name) == [file])
        #expect(sources.first?.bytes == Array("apiVersion: v1".utf8))
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let root = try Self.directory(["a.yaml": "a", "b.yaml": "b"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = try ManifestFiles.collect([root, root + "/a.yaml", root + "/./b.yaml"])
        #expect(sources.count == 2)
    }

    @Test func missingPathsAreAllReported() throws {
        do {
            _ = try ManifestFiles.collect(["/nonexistent/a.yaml", "/nonexistent/b"])
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostics.map { $0.location?.file } == ["/nonexistent/a.yaml", "/nonexistent/b"])
            #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("no such file") })
        }
    }
}
