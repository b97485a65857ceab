import Foundation
import KubeReachCore
import KubeReachTestSupport
import KubeReachYAML
import Testing

@testable import KubeReachAnalysis
@testable import KubeReachRender

/// `generate default-deny --as kyverno`, the least-privilege port rendering next to DNS,
/// the impact summaries, and what `--assume-default-deny` means beside the starter set.
@Suite struct GenerateKyvernoTests {
    static let shopNamespaces = ["kube-system", "monitoring", "shop-api", "shop-data", "shop-frontend", "shop-workers"]

    /// Policies loaded from YAML text, each written back in one canonical form.
    static func canonical(_ yaml: String) throws -> [String] {
        let policies = try ManifestLoader.load([ManifestSource(name: "t.yaml", bytes: Array(yaml.utf8))]).cluster.policies
        return policies.map { PolicyYAML.document($0, reason: "") }.sorted()
    }

    /// The ClusterPolicy, expanded for the loaded namespaces and one created later, makes
    /// exactly the NetworkPolicies of the plain export, and none in the system namespaces.
    @Test func expansionEqualsThePlainExport() throws {
        let kyverno = runCLI(["generate", "default-deny", ExampleTests.example, "--as", "kyverno", "-q"])
        #expect(kyverno.status == 0, "\(kyverno.err)")
        try assertSnapshot(kyverno.out, named: "generate-shop-kyverno.yaml")
        let plain = runCLI(["generate", "default-deny", ExampleTests.example, "-q"])
        let expanded = try KyvernoExpansion.networkPolicies(kyverno.out, namespaces: Self.shopNamespaces)
        #expect(try Self.canonical(expanded) == Self.canonical(plain.out))
        let later = try Self.canonical(KyvernoExpansion.networkPolicies(kyverno.out, namespaces: ["team-new", "kube-public"]))
        #expect(later.count == 2 && later.allSatisfy { $0.contains("namespace: team-new") })
    }

    /// Named namespaces are matched by name, `--exclude` wins, and `--allow-same-namespace`
    /// adds its rule; each checked by expansion against the plain export.
    @Test(arguments: [
        ["--namespaces", "shop-api,shop-data,elsewhere", "--exclude", "shop-data"], ["--allow-same-namespace", "--exclude", "monitoring"],
    ])
    func optionsCarryOver(options: [String]) throws {
        let kyverno = runCLI(["generate", "default-deny", ExampleTests.example, "--as", "kyverno", "-q"] + options)
        #expect(kyverno.status == 0, "\(kyverno.err)")
        let plain = runCLI(["generate", "default-deny", ExampleTests.example, "-q"] + options)
        let expanded = try KyvernoExpansion.networkPolicies(kyverno.out, namespaces: Self.shopNamespaces)
        let present = try Self.canonical(plain.out).filter { doc in Self.shopNamespaces.contains { doc.contains("namespace: \($0)\n") } }
        #expect(try Self.canonical(expanded) == present)
    }

    /// What the expansion does not understand is an error, never skipped.
    @Test(arguments: [
        ("  - name: generate-default-deny\n", "  - name: generate-default-deny\n    preconditions: {}\n", "preconditions"),
        ("    match:\n      any:", "    match:\n      all:", "match: expected any"),
        ("      kind: NetworkPolicy\n      name: default-deny", "      kind: ConfigMap\n      name: default-deny", "NetworkPolicy"),
        ("          - Namespace\n    exclude", "          - Pod\n    exclude", "kinds [Namespace]"),
    ])
    func unknownShapesAreRefused(from: String, to: String, mentions: String) throws {
        let kyverno = runCLI(["generate", "default-deny", ExampleTests.example, "--as", "kyverno", "-q"]).out
        let edited = kyverno.replacingOccurrences(of: from, with: to)
        #expect(edited != kyverno)
        let error = #expect(throws: InputFileError.self) { try KyvernoExpansion.networkPolicies(edited, namespaces: ["a"]) }
        #expect(error?.message.contains(mentions) == true, "\(error?.message ?? "")")
    }

    @Test func outDirectoryHoldsTheClusterPolicy() throws {
        let dir = NSTemporaryDirectory() + "kubereach-kyverno-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--as", "kyverno", "--out", dir, "-q"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kyverno-default-deny.yaml"])
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--as", "no-such-target"]).status == 2)
    }

    /// Egress that allows everything to the DNS pods stays `All Connections` (one rule
    /// without `ports`), never 53 cut out of every protocol.
    @Test func allConnectionsToDNSStayWhole() throws {
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--keep-current", "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("1-52"))
        // Egress open today (DNS included) is folded into one rule without peers or ports.
        #expect(run.out.contains("# - to every pod and address: All Connections (current policies)"))
        #expect(
            AllowPolicyBuilder.withoutDNS(ConnectionSet(tcp: PortSet([53...53, 8080...8080]), udp: PortSet(port: 53))).description
                == "TCP 8080")
        #expect(AllowPolicyBuilder.withoutDNS(.all) == .all)
    }

    @Test func leastPrivilegeImpactSummarisesByNamespacePair() throws {
        let run = runCLI([
            "generate", "least-privilege", ExampleTests.example, "--intent", GenerateLeastPrivilegeTests.intents, "--impact-only",
        ])
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Rollout impact: ") == true)
        #expect(lines.dropFirst().first == "By namespace pair (pairs losing connections, of which losing all):")
        let every = try #require(lines.firstIndex(of: "Every pair:"))
        // The per-pair rows add up to the pairs listed after them.
        let counted = lines[2..<every].compactMap { $0.split(separator: ":").last.flatMap { Int($0.split(separator: " ")[0]) } }
        #expect(counted.reduce(0, +) == lines.count - every - 1)
    }

    /// `--assume-default-deny` is the starter set's deny-all in every namespace, without the
    /// DNS allowance and with the system namespaces: applying the starter set instead
    /// differs from it only by DNS to the DNS pods and by pairs with a system namespace.
    @Test func assumeDefaultDenyDiffersFromTheStarterSetOnlyByDNSAndSystemNamespaces() throws {
        let cluster = try ManifestLoader.load(try ManifestFiles.collect([ExampleTests.example])).cluster
        let plan = DefaultDenyPlan(cluster: cluster, options: DefaultDenyOptions())
        let assumed = ConnectivitySnapshot(Reachability(cluster: cluster.addingDefaultDeny()), level: .workload)
        let starter = ConnectivitySnapshot(Reachability(cluster: plan.applied(to: cluster)), level: .workload)
        let diff = ConnectivityDiff(old: assumed, new: starter)
        #expect(diff.removed.isEmpty && !diff.added.isEmpty)
        let system = DefaultDenyOptions.systemNamespaces
        for e in diff.added + diff.changed {
            let touchesSystem = [e.source, e.destination].contains { $0.namespace.map(system.contains) ?? false }
            let dnsOnly = e.destination == "kube-system/coredns[Deployment]" && e.widened.isSubset(of: DefaultDenyCheck.dnsPorts)
            #expect(touchesSystem || dnsOnly, "\(e.source) => \(e.destination) : \(e.widened)")
        }
    }
}

/// The namespace-pair summary of the rollout impact: counts per pair, most affected first,
/// capped with a line counting the rest.
@Suite struct ImpactSummaryTests {
    static func entry(_ s: String, _ d: String, after: ConnectionSet = .none) -> ConnectivityDiff.Entry {
        ConnectivityDiff.Entry(
            source: .workload(WorkloadRef(namespace: s, name: "a", kind: "Deployment")),
            destination: .workload(WorkloadRef(namespace: d, name: "b", kind: "Deployment")), before: .all, after: after)
    }

    @Test func rowsAreCountedAndCapped() {
        var diff = ConnectivityDiff(old: ConnectivitySnapshot(nodes: [], edges: []), new: ConnectivitySnapshot(nodes: [], edges: []))
        diff.removed = (0..<40).map { Self.entry("ns\($0)", "x") } + [Self.entry("big", "x")]
        diff.changed = [Self.entry("big", "y", after: ConnectionSet(.tcp, PortSet(port: 80))), Self.entry("big", "x", after: .all)]
        let rows = ImpactFormatter.namespacePairs(diff.removed + diff.changed.filter { !$0.narrowed.isEmpty })
        #expect(rows.count == 42)
        #expect(rows.prefix(2).map { "\($0.source)>\($0.destination) \($0.pairs) \($0.all)" } == ["big>x 1 1", "big>y 1 0"])
        let text = ImpactFormatter.text(diff).split(separator: "\n").map(String.init)
        #expect(text[0] == "Rollout impact: 42 pair(s) allowed today would lose connections.")
        #expect(text[ImpactFormatter.maxNamespacePairs + 2] == "  ... 12 more namespace pair(s) with 12 pair(s)")
        #expect(text[ImpactFormatter.maxNamespacePairs + 3] == "Every pair:")
        #expect(text.count == ImpactFormatter.maxNamespacePairs + 4 + 42)
    }
}
