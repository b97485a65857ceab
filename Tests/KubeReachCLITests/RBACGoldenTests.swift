import KubeReachTestSupport
import Testing

/// `can-i` and `who-can` on a small RBAC fixture: txt and json, each with its exit status.
@Suite struct RBACGoldenTests {
    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("can-i-sa-pod-log.txt", ["can-i", "serviceaccount:ci/builder", "get", "pods/log", "-n", "ci"], 0),
        ("can-i-sa-pod-log.json", ["can-i", "serviceaccount:ci/builder", "get", "pods/log", "-n", "ci", "-o", "json"], 0),
        ("can-i-named-secret.txt", ["can-i", "serviceaccount:ci/builder", "get", "secrets", "-n", "ci", "--name", "builder-token"], 0),
        ("can-i-other-secret.txt", ["can-i", "serviceaccount:ci/builder", "get", "secrets", "-n", "ci", "--name", "other"], 1),
        ("can-i-other-namespace.txt", ["can-i", "serviceaccount:ci/builder", "get", "pods", "-n", "prod"], 1),
        ("can-i-aggregated-scale.txt", ["can-i", "serviceaccount:ci/builder", "patch", "statefulsets.apps/scale", "-n", "ci"], 0),
        ("can-i-missing-role.txt", ["can-i", "bob", "create", "deployments", "-n", "ci", "--group", "ops"], 1),
        ("can-i-missing-role.json", ["can-i", "bob", "create", "deployments", "-n", "ci", "--group", "ops", "-o", "json"], 1),
        ("can-i-default-edit.txt", ["can-i", "bob", "create", "deployments", "-n", "ci", "--group", "ops", "--with-default-rbac"], 0),
        ("can-i-masters.txt", ["can-i", "user:root", "delete", "nodes", "--group", "system:masters"], 0),
        ("who-can-create-deployments.txt", ["who-can", "create", "deployments", "-n", "ci"], 0),
        ("who-can-create-deployments.json", ["who-can", "create", "deployments", "-n", "ci", "-o", "json"], 0),
        ("who-can-healthz-defaults.txt", ["who-can", "get", "/healthz", "--with-default-rbac"], 0),
    ]

    @Test(arguments: cases.indices)
    func rbacQuery(_ i: Int) throws {
        let c = Self.cases[i]
        try assertFixtureGolden(c.args, fixture: "rbac/cluster.yaml", golden: c.name, status: c.status)
    }

    @Test func withoutDefaultRolesTheInputSaysSo() {
        let run = runCLI(["who-can", "get", "pods", "-n", "ci", fixture("rbac/cluster.yaml")])
        #expect(run.err.contains("the input holds no default ClusterRoles"))
        let withDefaults = runCLI(["who-can", "get", "pods", "-n", "ci", "--with-default-rbac", fixture("rbac/cluster.yaml")])
        #expect(!withDefaults.err.contains("the input holds no default ClusterRoles"))
    }

    @Test(
        arguments: [
            ["can-i", "serviceaccount:ci", "get", "pods"], ["can-i", "alice", "get", "Pods"], ["can-i", "alice", "get", "pods/"],
            ["can-i", "group:", "get", "pods"], ["who-can", "", "pods"],
        ])
    func badArgumentsAreUsageErrors(_ args: [String]) {
        let run = runCLI(args + [fixture("rbac/cluster.yaml")])
        #expect(run.status == 2, "\(run.out)")
        #expect(run.err.contains("error:"))
    }
}
