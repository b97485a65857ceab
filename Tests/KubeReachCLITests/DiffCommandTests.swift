import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachTestSupport
import Testing

/// `kubereach diff` on the peer suite's semanticDiff scenarios (read in place, never
/// copied), on Examples/shop against a modified copy, and on git revisions.
@Suite struct DiffCommandTests {
    static let conformance = SharedData.netpolAnalyzer
    /// Present, or required by CI (then a missing data set fails the tests).
    static let available = SharedData.shouldRun

    static func scenario(_ name: String) -> String { "\(conformance)/semanticDiff-\(name)/input" }

    /// The scenarios' DaemonSets are hostNetwork pods; the peer tool applies policies to
    /// them, so the comparison does too.
    static func diff(_ old: String, _ new: String, _ extra: [String] = []) -> CLIRun {
        runCLI(["diff", scenario(old), scenario(new), "--host-network-policy", "apply", "-q"] + extra)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var old: String
        var new: String
        var golden: String
        var testDescription: String { "\(old) → \(new)" }
    }

    static let cases: [Case] = [
        Case(old: "same-topologies-old1", new: "same-topologies-new1", golden: "diff-same1"),
        Case(old: "same-topologies-old2", new: "same-topologies-new2", golden: "diff-same2"),
        Case(old: "same-topologies-old3", new: "same-topologies-new3", golden: "diff-same3"),
        Case(old: "orig-topologies-no-policy", new: "orig-topologies-policy-a", golden: "diff-orig"),
        Case(old: "different-topologies-policy-a", new: "different-topologies-policy-b", golden: "diff-different"),
        Case(
            old: "different-topologies-policy-a-with-ipblock", new: "different-topologies-policy-b-with-ipblock",
            golden: "diff-different-ipblock"),
    ]

    @Test(.enabled(if: available, "no conformance data at ../../../shared/conformance"), arguments: cases)
    func golden(_ c: Case) throws {
        for format in ["txt", "md", "json", "csv"] {
            let run = Self.diff(c.old, c.new, ["-o", format])
            #expect(run.status == 0, "\(run.err)")
            try assertSnapshot(run.out.replacing(Self.conformance + "/", with: "conformance/"), named: "\(c.golden).\(format)")
        }
    }

    /// old1 → new1: `query-to-ui` loses its port list (egress query → ui widens from TCP
    /// 8080 to everything), and `ui-to-command` gains one (ingress ui → command narrows
    /// from everything to TCP 8080, 9090 and UDP 8080).
    @Test(.enabled(if: available, "no conformance data")) func same1ReadFromThePolicies() {
        let run = Self.diff("same-topologies-old1", "same-topologies-new1")
        #expect(
            run.out.contains(
                "~ demo/cog-agents-account-query[DaemonSet] => demo/cog-agents-bank-ui[DaemonSet] : TCP 8080 -> All Connections"))
        #expect(
            run.out.contains(
                "~ demo/cog-agents-bank-ui[DaemonSet] => demo/cog-agents-account-command[DaemonSet] : All Connections -> TCP 8080,9090,UDP 8080"
            ))
        #expect(run.out.contains("Summary: 0 added, 0 removed, 2 changed (1 widened, 1 narrowed)"))
    }

    /// policy-a → policy-b: the topology changes (cog-agents-3 and the analyzer go,
    /// cog-agents-5 and -6 come), and the isolated workload moves from cog-agents-1 to
    /// cog-agents-2, so 0 → 1 appears and 0 → 2 disappears.
    @Test(.enabled(if: available, "no conformance data")) func differentTopologiesReadFromThePolicies() {
        let run = Self.diff("different-topologies-policy-a", "different-topologies-policy-b")
        #expect(run.out.contains("+ default/cog-agents-0[DaemonSet] => default/cog-agents-1[DaemonSet] : All Connections"))
        #expect(run.out.contains("- default/cog-agents-0[DaemonSet] => default/cog-agents-2[DaemonSet] : All Connections"))
        #expect(run.out.contains("Workloads added (2):\n+ default/cog-agents-5[DaemonSet]\n+ default/cog-agents-6[DaemonSet]\n"))
        #expect(run.out.contains("- default/cog-local-analyzer-7d77fb55cc[ReplicaSet]\n"))
    }

    /// old3 and new3 restrict the same flow from opposite ends: no connectivity change.
    @Test(.enabled(if: available, "no conformance data")) func sameFlowRestrictedFromTheOtherEndIsNoChange() {
        let run = Self.diff("same-topologies-old3", "same-topologies-new3", ["--fail-on-widen"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("Policies added (1):\n+ NetworkPolicy demo/capture-query\nPolicies removed (1):\n"), "\(run.out)")
        #expect(run.out.contains("\nNo connectivity changes.\n"))
    }

    @Test(.enabled(if: available, "no conformance data")) func failOnWidenExitCodes() {
        #expect(Self.diff("same-topologies-old1", "same-topologies-new1", ["--fail-on-widen"]).status == 1)
        #expect(Self.diff("same-topologies-old1", "same-topologies-new1").status == 0)
        // New pairs count as widening.
        #expect(Self.diff("different-topologies-policy-a", "different-topologies-policy-b", ["--fail-on-widen"]).status == 1)
    }

    /// A copy of Examples/shop with a deny-all policy added to `monitoring`.
    static func shopDenyingMonitoring() throws -> ShopCopy {
        let copy = try ShopCopy()
        try copy.addFile(
            "policies/deny-monitoring.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: monitoring}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}

            """)
        return copy
    }

    @Test func pureNarrowingExitsZero() throws {
        let copy = try Self.shopDenyingMonitoring()
        defer { copy.remove() }
        let run = runCLI(["diff", ExampleTests.example, copy.path, "--fail-on-widen", "-q"])
        #expect(run.status == 0, "\(run.out)")
        #expect(run.out.contains("- monitoring/prometheus[Deployment] => shop-api/api[Deployment] : TCP 9090"))
        #expect(runCLI(["diff", copy.path, ExampleTests.example, "--fail-on-widen", "-q"]).status == 1)
    }

    /// An IPv6 block on one side only: both sides are simulated with IPv6 in play, so the
    /// diff is the block's addresses, not "every IPv6 peer appeared".
    @Test func ipv6OnOneSideOnly() throws {
        let copy = try ShopCopy()
        defer { copy.remove() }
        try copy.addFile(
            "policies/v6.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: v6-in, namespace: shop-frontend}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: web}}
              policyTypes: [Ingress]
              ingress:
              - from: [{ipBlock: {cidr: "2001:db8::/32"}}]
                ports: [{port: 443}]

            """)
        let run = runCLI(["diff", ExampleTests.example, copy.path, "-q"])
        #expect(
            run.out == """
                Policies added (1):
                + NetworkPolicy shop-frontend/v6-in
                Added (1):
                + 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => shop-frontend/web[Deployment] : TCP 443
                Summary: 1 added, 0 removed, 0 changed (0 widened, 0 narrowed); workloads: 0 added, 0 removed

                """)
    }

    @Test func errorsExitTwo() {
        #expect(runCLI(["diff", ExampleTests.example, "/nonexistent/path"]).status == 2)
        #expect(runCLI(["diff", "git:HEAD", ExampleTests.example]).status == 2)
        #expect(runCLI(["diff", "git:--output=/tmp/x:deploy", ExampleTests.example]).status == 2)
        #expect(runCLI(["diff", ExampleTests.example, ExampleTests.example, "-o", "png"]).status == 2)
        #expect(runCLI(["diff", ExampleTests.example, ExampleTests.example, "-f", ExampleTests.example]).status == 2)
    }

    @Test(.enabled(if: GitRepo.gitAvailable, "git is not installed")) func gitRevisions() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("deploy/app.yaml", GitRepo.app(port: 8080))
        try repo.commit("one")
        try repo.write("deploy/app.yaml", GitRepo.app(port: 9090))
        try repo.write("deploy/notes.txt", "not a manifest")
        try repo.commit("two")
        let run = runCLI(["diff", "git:HEAD~1:deploy", "git:HEAD:deploy", "--repo", repo.path, "--fail-on-widen", "-q"])
        #expect(run.status == 1, "\(run.err)")
        #expect(
            run.out.contains("~ app/client[Pod] => app/server[Pod] : TCP 8080 -> TCP 9090\n    + TCP 9090\n    - TCP 8080\n"), "\(run.out)")
        let file = runCLI(["diff", "git:HEAD~1:deploy/app.yaml", repo.path + "/deploy", "--repo", repo.path, "-q"])
        #expect(file.status == 0 && file.out.contains("TCP 8080 -> TCP 9090"), "\(file.err)")
        let badRevision = runCLI(["diff", "git:nosuchrev:deploy", "git:HEAD:deploy", "--repo", repo.path])
        #expect(badRevision.status == 2 && badRevision.err.contains("no such revision"))
        let badPath = runCLI(["diff", "git:HEAD:nothere", "git:HEAD:deploy", "--repo", repo.path])
        #expect(badPath.status == 2 && badPath.err.contains("no such path"))
        // Diagnostics name the blob as git:REV:file.
        try repo.write(
            "deploy/app.yaml", "kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: x}\nspec: {podSelector: 3}\n")
        try repo.commit("three")
        let broken = runCLI(["diff", "git:HEAD~1:deploy", "git:HEAD:deploy", "--repo", repo.path])
        #expect(broken.status == 2 && broken.err.contains("git:HEAD:deploy/app.yaml"), "\(broken.err)")
    }
}

/// Several paths per side (`--old`/`--new`, git revisions among them) and the list of
/// policy objects that changed.
@Suite struct DiffSidesTests {
    static var shopFiles: [String] {
        ["api", "data", "frontend", "namespaces", "platform", "workers"].map { "\(ExampleTests.example)/\($0).yaml" }
    }

    /// The example split into its files on each side reads as the example itself; the new
    /// side's policies come from a changed copy.
    @Test func repeatedPathsReadAsOneInput() throws {
        let copy = try DiffCommandTests.shopDenyingMonitoring()
        defer { copy.remove() }
        let split =
            Self.shopFiles.flatMap { ["--old", $0] } + ["--old", "\(ExampleTests.example)/policies"]
            + Self.shopFiles.flatMap { ["--new", $0] } + ["--new", copy.path + "/policies"]
        let many = runCLI(["diff"] + split + ["-q"])
        let two = runCLI(["diff", ExampleTests.example, copy.path, "-q"])
        #expect(many.status == 0 && two.status == 0, "\(many.err)")
        #expect(many.out == two.out)
        #expect(many.out.hasPrefix("Policies added (1):\n+ NetworkPolicy monitoring/deny-all\nRemoved ("))
        let json = runCLI(["diff"] + split + ["-q", "-o", "json"]).out
        #expect(json.contains("\"old\" : \"\(Self.shopFiles[0]) + "))
        #expect(json.contains("\"kind\" : \"NetworkPolicy\""))
    }

    @Test(arguments: [
        ["diff", "a"], ["diff", "a", "b", "--old", "c", "--new", "d"], ["diff", "--old", "a"], ["diff", "--new", "a", "--new", "b"],
        ["diff", "--old", "-", "--new", "-"],
    ])
    func sidesMustBeComplete(arguments: [String]) {
        #expect(runCLI(arguments).status == 2)
    }

    @Test func policyChangesByKindNamespaceAndName() {
        let a = NetworkPolicy(namespace: "x", name: "keep", policyTypes: [.ingress], location: SourceLocation(file: "a.yaml", line: 1))
        var moved = a
        moved.location = SourceLocation(file: "b.yaml", line: 9)
        let gone = NetworkPolicy(namespace: "x", name: "gone", policyTypes: [.ingress])
        var widened = NetworkPolicy(namespace: "y", name: "edit", policyTypes: [.ingress])
        let old = Cluster(
            policies: [a, gone, widened],
            adminPolicies: [AdminNetworkPolicy(tier: .baseline, name: "default", subject: .namespaces(.everything))])
        widened.ingress = [PolicyRule()]
        let new = Cluster(policies: [moved, widened, NetworkPolicy(namespace: "z", name: "new", policyTypes: [.egress])])
        let changes = PolicyChanges(old: old, new: new)
        #expect(changes.added.map(\.description) == ["NetworkPolicy z/new"])
        #expect(changes.removed.map(\.description) == ["BaselineAdminNetworkPolicy default", "NetworkPolicy x/gone"])
        #expect(changes.modified.map(\.description) == ["NetworkPolicy y/edit"])
        #expect(PolicyChanges(old: old, new: old).isEmpty)
    }
}
