import Foundation
import KubeReachCLI
import Testing

/// `git:REV:path` with names git would quote, a tree holding one file, and links in git
/// trees (issue 20, point 2). Each repository is built here in a temporary directory.
@Suite(.enabled(if: GitRepo.gitAvailable, "git is not installed"))
struct GitSourceTests {
    static func pod(_ name: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: app, labels: {role: \(name)}}\nspec: {containers: [{name: c, image: x}]}\n"
    }
    static let defaultDeny =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: app}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n"
    /// Names `git ls-tree` prints quoted without `-z`: non-ASCII, a tab, a quote, a backslash.
    static let oddNames = [
        "deploy/tab\tbed.yaml": pod("tabbed"), "deploy/quo\"te.yaml": pod("quoted"), "deploy/back\\slash.yaml": pod("slashed"),
    ]

    @Test func deletingAPolicyInAFileWithAQuotedNameIsAChange() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("deploy/app.yaml", Self.pod("client") + "---\n" + Self.pod("server"))
        for (name, text) in Self.oddNames { try repo.write(name, text) }
        try repo.write("deploy/déni-par-défaut.yaml", Self.defaultDeny)
        try repo.commit("one")
        // Every file is read from git as from the checkout.
        let same = runCLI(["diff", "git:HEAD:deploy", repo.path + "/deploy", "--repo", repo.path, "-q"])
        #expect(same.status == 0, "\(same.err)")
        #expect(same.out.hasPrefix("No connectivity changes."), "\(same.out)")
        try FileManager.default.removeItem(atPath: repo.path + "/deploy/déni-par-défaut.yaml")
        try repo.commit("two")
        let run = runCLI(["diff", "git:HEAD~1:deploy", "git:HEAD:deploy", "--repo", repo.path, "--fail-on-widen", "-q"])
        #expect(run.status == 1, "\(run.err)")
        #expect(run.out.contains("+ app/client[Pod] => app/server[Pod] : All Connections"), "\(run.out)")
    }

    @Test func aTreeHoldingOneFileKeepsOnlyManifestsAsADirectoryDoes() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("deploy/app.yaml", Self.pod("client"))
        try repo.write("docs/README.md", "Notes: [not, yaml\n")
        try repo.write("deploy/app.txt", Self.pod("client"))
        try repo.commit("one")
        let tree = runCLI(["diff", "git:HEAD:docs", repo.path + "/docs", "--repo", repo.path, "-q"])
        #expect(tree.status == 0, "\(tree.err)")
        // A file named directly is read whatever its extension.
        let file = runCLI(["diff", "git:HEAD:deploy/app.txt", "git:HEAD:deploy", "--repo", repo.path, "-q"])
        #expect(file.status == 0 && file.out.hasPrefix("No connectivity changes."), "\(file.err)")
    }

    @Test func aSymbolicLinkInATreeIsAnErrorNamingIt() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("deploy/app.yaml", Self.pod("client"))
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/deploy/zero.yaml", withDestinationPath: "/dev/zero")
        try repo.commit("one")
        let run = runCLI(["diff", "git:HEAD:deploy", "git:HEAD:deploy", "--repo", repo.path])
        #expect(run.status == 2)
        #expect(run.err.contains("git:HEAD:deploy/zero.yaml"), "\(run.err)")
        #expect(run.err.contains("a symbolic link in git"), "\(run.err)")
    }
}
