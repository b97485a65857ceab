import Foundation
import KubeReachTestSupport
import Testing

/// The v1alpha2 twin of the guardrails example (ClusterNetworkPolicies written by
/// `migrate-admin-policies` from the v1alpha1 one): the same connectivity, explanations
/// that name the CNP tiers, and the migration command's two outcomes.
@Suite struct ClusterNetworkPolicyCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples")
        .standardized.path
    static let v1 = examples + "/guardrails", v2 = examples + "/guardrails-v1alpha2"

    static let explanations: [(name: String, args: [String], status: Int32)] = [
        ("guardrails-v1alpha2-explain-accept.txt", ["monitoring/prometheus", "tenant-a/web", "--port", "9100"], 0),
        ("guardrails-v1alpha2-explain-pass-to-baseline.txt", ["tenant-b/web", "tenant-a/web", "--port", "8080"], 1),
        ("guardrails-v1alpha2-explain-pass-to-np.txt", ["tenant-a/web", "tenant-a/db", "--port", "5432"], 0),
        ("guardrails-v1alpha2-explain-deny.txt", ["tenant-a/web", "kube-system/coredns", "--port", "8080"], 1),
        ("guardrails-v1alpha2-explain-pass-to-baseline.json", ["tenant-b/web", "tenant-a/web", "--port", "8080", "-o", "json"], 1),
    ]

    @Test(arguments: [["list"], ["list", "-o", "json"], ["list", "--by", "pod"], ["exposure"]])
    func twinHasTheSameAnswers(_ command: [String]) {
        let old = runCLI(command + [Self.v1]), new = runCLI(command + [Self.v2])
        #expect(old.status == 0 && new.status == 0, "\(new.err)")
        #expect(old.out.replacing("guardrails/", with: "guardrails-v1alpha2/") == new.out)
    }

    @Test(arguments: explanations.indices)
    func explain(_ i: Int) throws {
        let c = Self.explanations[i]
        let run = runCLI(["explain"] + c.args + [Self.v2])
        #expect(run.status == c.status, "\(run.err)")
        try assertSnapshot(run.out.replacing(Self.v2 + "/", with: "Examples/guardrails-v1alpha2/"), named: c.name)
    }

    @Test(arguments: [
        ("guardrails-v1alpha2-who-selects.txt", ["who-selects", "tenant-a/web"]),
        ("guardrails-v1alpha2-show-policy.txt", ["show-policy", "platform-monitoring"]),
        ("guardrails-v1alpha2-show-baseline.txt", ["show-policy", "ClusterNetworkPolicy/default"]),
    ])
    func inspect(_ name: String, _ args: [String]) throws {
        let run = runCLI(args + [Self.v2])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out.replacing(Self.v2 + "/", with: "Examples/guardrails-v1alpha2/"), named: name)
    }

    @Test func jsonNamesTheCNPTiers() throws {
        let run = runCLI(["explain", "tenant-b/web", "tenant-a/web", "--port", "8080", "-o", "json", Self.v2])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rules = try #require((object["ingress"] as? [String: Any])?["adminRules"] as? [[String: Any]])
        #expect(rules.map { $0["tier"] as? String } == ["CNP/Admin", "CNP/Baseline"])
        #expect(rules.map { $0["action"] as? String } == ["Pass", "Deny"])
    }

    @Test func migrationWritesTheTwin() throws {
        let run = runCLI(["migrate-admin-policies", "-q", Self.v1])
        #expect(run.status == 0, "\(run.err)")
        let twin = try String(contentsOfFile: Self.v2 + "/cluster-network-policies.yaml", encoding: .utf8)
        #expect(run.out == twin)
    }

    @Test func migrationWritesADirectory() throws {
        let dir = try ScratchDirectory("migrate")
        defer { dir.remove() }
        let run = runCLI(["migrate-admin-policies", "-q", Self.v1, "--out", dir.file("out")])
        #expect(run.status == 0, "\(run.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("out")).sorted()
        #expect(names == ["default.yaml", "delegate-tenant-traffic.yaml", "platform-monitoring.yaml", "protect-kube-system.yaml"])
    }

    /// A `pods` peer that holds a hostNetwork pod in v1alpha1 no longer does in v1alpha2:
    /// the conversion would open that pair, so nothing is written and the pair is named.
    @Test func migrationThatChangesConnectivityExitsOne() throws {
        let dir = try ScratchDirectory("migrate-diff")
        defer { dir.remove() }
        try dir.write(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: a, labels: {app: web}}
            spec: {containers: [{name: c}]}
            status: {podIP: 10.0.0.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: b, labels: {app: agent}}
            spec: {hostNetwork: true, containers: [{name: c}]}
            status: {podIP: 10.9.0.1}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: no-agents}
            spec:
              priority: 1
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}}
              egress:
              - {name: deny-b, action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: b}}}]}
            """, to: "in.yaml")
        let run = runCLI(["migrate-admin-policies", "-q", dir.file("in.yaml"), "--out", dir.file("out")])
        #expect(run.status == 1)
        #expect(run.out.contains("+ a/web => b/agent : All Connections"), "\(run.out)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
    }

    @Test func nothingToMigrateIsAUsageError() {
        let run = runCLI(["migrate-admin-policies", Self.v2])
        #expect(run.status == 2)
        #expect(run.err.contains("nothing to migrate"))
    }
}

/// `generate default-deny --as cluster-network-policy`: one Baseline CNP, re-simulated; the
/// YAML it writes reads back into the policy that was checked.
@Suite struct DefaultDenyClusterNetworkPolicyTests {
    @Test func writesOneBaselinePolicyThatReadsBack() throws {
        let v1 = ClusterNetworkPolicyCommandTests.v1
        let run = runCLI(["generate", "default-deny", "--as", "cluster-network-policy", "-q", v1])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: "default-deny-cluster-network-policy.yaml")
        let dir = try ScratchDirectory("cnp-deny")
        defer { dir.remove() }
        try dir.write(run.out, to: "deny.yaml")
        // Applied beside the example: tenant-b (no NetworkPolicy) loses egress but DNS.
        let list = runCLI(["list", v1, dir.file("deny.yaml")])
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("tenant-b/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53\n"))
        #expect(!list.out.contains("tenant-b/web[Deployment] => monitoring/prometheus"))
        let lint = runCLI(["lint", v1, dir.file("deny.yaml")])
        #expect(!lint.out.contains("error["), "\(lint.out)")
    }

    @Test func writesADirectory() throws {
        let dir = try ScratchDirectory("cnp-deny-dir")
        defer { dir.remove() }
        let run = runCLI([
            "generate", "default-deny", "--as", "cluster-network-policy", "-q", ClusterNetworkPolicyCommandTests.v1, "--out", dir.file("o"),
        ])
        #expect(run.status == 0, "\(run.err)")
        #expect(dir.read("o/kubereach-default-deny.yaml")?.contains("tier: Baseline") == true)
    }

    @Test func sameNamespaceCannotBeOneClusterPolicy() {
        let run = runCLI([
            "generate", "default-deny", "--as", "cluster-network-policy", "--allow-same-namespace", ClusterNetworkPolicyCommandTests.v1,
        ])
        #expect(run.status == 2)
        #expect(run.err.contains("--as network-policy"))
    }
}

/// The synthetic cluster's admin tiers written as v1alpha2 (Admin CNPs, one Baseline CNP per
/// baseline rule) answer exactly as the v1alpha1 ones (ANPs, one BANP): the bench compares
/// the two, so they must be the same cluster.
@Suite struct SyntheticClusterNetworkPolicyTests {
    @Test(arguments: [1, 5]) func bothVersionsGiveTheSameList(baselines: Int) throws {
        let dir = try ScratchDirectory("synth-cnp")
        defer { dir.remove() }
        let args = ["--pods", "400", "--namespaces", "24", "--policies", "120", "--admin-policies", "20"]
        var lists: [String] = []
        for api in ["v1alpha1", "v1alpha2"] {
            let synth = runCLI(["synth", "--admin-api", api, "--baseline-policies", "\(baselines)"] + args)
            let path = try dir.write(synth.out, to: "\(api).yaml")
            #expect(synth.out.contains(api == "v1alpha2" ? "kind: ClusterNetworkPolicy" : "kind: BaselineAdminNetworkPolicy"))
            let list = runCLI(["list", "-q", "--by", "pod", path])
            #expect(list.status == 0, "\(list.err)")
            lists.append(list.out)
        }
        #expect(lists[0] == lists[1])
        #expect(lists[0].count > 1000)
    }
}
