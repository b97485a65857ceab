import Foundation
import KubeReachTestSupport
import Testing

/// `attack-paths` on the chained fixture: txt, json, md and dot goldens (with `-k`), SVG,
/// the exit codes, and every asked pair exactly once.
@Suite struct AttackPathsTests {
    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("attack-paths-default.txt", ["attack-paths"], 0),
        ("attack-paths-default.json", ["attack-paths", "-o", "json"], 0),
        (
            "attack-paths-from-worker.txt",
            ["attack-paths", "--from", "workers/worker", "--to", "serviceaccount:kube-system/operator", "--to", "web/frontend"], 0
        ),
        ("attack-paths-k2.txt", ["attack-paths", "--from", "internet", "--to", "cluster-admin", "-k", "2"], 0),
        ("attack-paths-k2.json", ["attack-paths", "--from", "internet", "--to", "cluster-admin", "-k", "2", "-o", "json"], 0),
        ("attack-paths-internet.md", ["attack-paths", "--from", "internet", "-o", "md"], 0),
        ("attack-paths-internet.dot", ["attack-paths", "--from", "internet", "-k", "1", "-o", "dot"], 0),
        ("attack-paths-unreachable.txt", ["attack-paths", "--from", "workers/worker", "--to", "internet", "--to", "cluster-admin"], 0),
    ]

    @Test(arguments: cases.indices)
    func attackPaths(_ i: Int) throws {
        let c = Self.cases[i]
        try assertFixtureGolden(c.args, fixture: "attack/cluster.yaml", golden: c.name, status: c.status)
    }

    /// The one NetworkPolicy that cuts both default paths; the one RoleBinding is checked in
    /// `KubeReachAttackTests` (removing `workers/frontend-exec`).
    @Test func aDefaultDenyInWebCutsEveryPath() {
        let run = runCLI([
            "attack-paths", "--from", "internet", "-o", "json", fixture("attack/cluster.yaml"), fixture("attack/deny-web.yaml"),
        ])
        #expect(run.status == 1, "\(run.out)")
        #expect(!run.out.contains("\"steps\""), "no path is left:\n\(run.out)")
        #expect(run.out.components(separatedBy: "\"from\" : \"internet\"").count - 1 == 2, "both asked pairs, unreachable")
    }

    /// SVG through the in-process Graphviz: well-formed, with the techniques as edge labels
    /// (not a golden: the layout belongs to the Graphviz version).
    @Test func svgDrawsThePaths() {
        let run = runCLI(["attack-paths", "--from", "internet", "-o", "svg", fixture("attack/cluster.yaml")])
        let svg = String(decoding: run.bytes, as: UTF8.self)
        #expect(run.status == 0)
        #expect(svg.contains("<svg") && svg.contains("CE_PRIV_MOUNT") && svg.contains("Legend"), "\(svg.prefix(400))")
    }

    /// Every asked pair appears exactly once, in `paths` or `unreachable`, with or without `-k`.
    @Test(arguments: [0, 3])
    func everyPairOnce(_ k: Int) throws {
        let run = runCLI(["attack-paths", "-k", "\(k)", "-o", "json", fixture("attack/cluster.yaml")])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let listed = ((doc["paths"] as? [[String: Any]] ?? []) + (doc["unreachable"] as? [[String: Any]] ?? [])).map {
            "\($0["from"] ?? "") -> \($0["to"] ?? "")"
        }
        #expect(listed.count == Set(listed).count, "a pair twice: \(listed)")
        #expect(listed.count == 2 * Set(listed.map { $0.components(separatedBy: " -> ")[0] }).count, "two targets per start: \(listed)")
        for p in doc["paths"] as? [[String: Any]] ?? [] {
            let lengths = [(p["steps"] as? [Any])?.count ?? 0] + ((p["alternatives"] as? [[Any]]) ?? []).map(\.count)
            #expect(lengths == lengths.sorted() && lengths.count <= k + 1, "shortest first, at most k more: \(lengths)")
        }
    }

    @Test func aReferenceGivenTwiceIsAskedOnce() {
        let run = runCLI([
            "attack-paths", "--from", "internet", "--from", "internet", "--to", "node", "--to", "node", fixture("attack/cluster.yaml"),
        ])
        #expect(run.out.components(separatedBy: "internet -> node:").count - 1 == 1, "\(run.out)")
    }

    @Test func noPathExitsOne() {
        let run = runCLI(["attack-paths", "--from", "kube-system/operator", "--to", "web/frontend", fixture("attack/cluster.yaml")])
        #expect(run.status == 0, "cluster-admin execs into every workload")
        let none = runCLI(["attack-paths", "--from", "web/frontend", "--to", "secret:web/nothing", fixture("attack/cluster.yaml")])
        #expect(none.status == 2 && none.err.contains("not in the input"))
        let cut = runCLI([
            "attack-paths", "--to", "cluster-admin", fixture("attack/cluster.yaml").replacing("cluster.yaml", with: "nonexistent.yaml"),
        ])
        #expect(cut.status == 2)
    }
}

/// The attack graph's single-step lint rules, in SARIF like the others.
@Suite struct AttackLintTests {
    @Test func exposedPrivilegedPodWithAnAdminTokenIsTwoErrors() throws {
        let run = runCLI(["lint", fixture("attack/exposed-admin.yaml"), "-o", "sarif", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.err)")
        let ids = run.out.components(separatedBy: "\"ruleId\" : \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.filter { $0.hasPrefix("attack-") }.sorted() == ["attack-admin-token-exposed", "attack-privileged-internet"])
        #expect(run.out.contains("CE_PRIV_MOUNT") && run.out.contains("serviceaccount apps/admin"))
    }

    /// Behind a default deny neither finding stays: the pod is no longer a foothold.
    @Test func aDefaultDenySilencesBoth() throws {
        let run = runCLI(["lint", fixture("attack/exposed-admin.yaml"), fixture("attack/deny-apps.yaml"), "--fail-on", "never"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("[attack-"), "\(run.out)")
    }
}
