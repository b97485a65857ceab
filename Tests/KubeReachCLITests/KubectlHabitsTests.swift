import Foundation
import Testing

/// Issue 13 points 7 and 8 through the CLI: `--default-namespace`, `list -n` saying why it
/// printed nothing, and duplicates treated as `kubectl apply` would (`--strict` refuses).
@Suite struct KubectlHabitsTests {
    static func write(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-habits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: sock-shop}\n"
    static let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: front, labels: {app: front}}\n"

    @Test func defaultNamespacePlacesObjectsWithoutOne() throws {
        let dir = try Self.write(["ns.yaml": Self.namespace, "pod.yaml": Self.pod])
        let run = runCLI(["list", dir, "--default-namespace", "sock-shop", "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("sock-shop/front[Pod]"))
        #expect(runCLI(["list", dir, "--default-namespace", "Not_A_Namespace"]).status == 2)
    }

    @Test func namespaceFilterThatMatchesNothingSaysSo() throws {
        let dir = try Self.write(["ns.yaml": Self.namespace, "pod.yaml": Self.pod])
        let missing = runCLI(["list", dir, "-n", "nope"])
        #expect(missing.status == 0)
        #expect(missing.out.isEmpty)
        #expect(missing.err.contains("warning: -n nope: no namespace of that name in the input (namespaces: default, sock-shop)"))
        let quiet = runCLI(["list", dir, "-n", "sock-shop"])
        #expect(quiet.out.isEmpty)
        #expect(quiet.err.contains("note: -n sock-shop: no connection touches that namespace"))
    }

    @Test func identicalDuplicatesLoadAndStrictRefuses() throws {
        let dir = try Self.write(["a.yaml": Self.namespace, "b.yaml": Self.namespace, "pod.yaml": Self.pod])
        let run = runCLI(["list", dir, "-q"])
        #expect(run.status == 0, "\(run.err)")
        let strict = runCLI(["list", dir, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.err.contains("duplicate object: already defined at"))
    }

    @Test func differingDuplicateWarnsNamingBothFiles() throws {
        let labelled = "apiVersion: v1\nkind: Namespace\nmetadata: {name: sock-shop, labels: {team: shop}}\n"
        let dir = try Self.write(["a.yaml": Self.namespace, "b.yaml": labelled, "pod.yaml": Self.pod])
        let run = runCLI(["list", dir])
        #expect(run.status == 0)
        #expect(run.err.contains("b.yaml:3:"))
        #expect(run.err.contains("replaces the one at \(dir)/a.yaml:1:1"))
    }
}
