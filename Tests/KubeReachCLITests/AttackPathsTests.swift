import KubeReachTestSupport
import Testing

/// `attack-paths` on the chained fixture: txt and json goldens, the exit codes, and every
/// asked pair exactly once.
@Suite struct AttackPathsTests {
    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("attack-paths-default.txt", ["attack-paths"], 0),
        ("attack-paths-default.json", ["attack-paths", "-o", "json"], 0),
        (
            "attack-paths-from-worker.txt",
            ["attack-paths", "--from", "workers/worker", "--to", "serviceaccount:kube-system/operator", "--to", "web/frontend"], 0
        ),
    ]

    @Test(arguments: cases.indices)
    func attackPaths(_ i: Int) throws {
        let c = Self.cases[i]
        try assertFixtureGolden(c.args, fixture: "attack/cluster.yaml", golden: c.name, status: c.status)
    }

    /// The one NetworkPolicy that cuts both default paths; the one RoleBinding is checked in
    /// `KubeReachAttackTests` (removing `workers/frontend-exec`).
    @Test func aDefaultDenyInWebCutsEveryPath() {
        let run = runCLI(["attack-paths", "-o", "json", fixture("attack/cluster.yaml"), fixture("attack/deny-web.yaml")])
        #expect(run.status == 1, "\(run.out)")
        #expect(!run.out.contains("\"steps\""), "no path is left:\n\(run.out)")
        #expect(run.out.components(separatedBy: "\"from\" : \"internet\"").count - 1 == 2, "both asked pairs, unreachable")
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
