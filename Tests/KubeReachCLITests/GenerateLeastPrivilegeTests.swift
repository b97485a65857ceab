import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachTestSupport
import KubeReachYAML
import Testing

/// `kubereach generate least-privilege`: the YAML for an intent file, `--keep-current`
/// re-simulated on Examples/shop, the three flow formats, and the exit codes.
@Suite struct GenerateLeastPrivilegeTests {
    static let intents = fixture("intents/shop.yaml")

    static func load(_ paths: [String]) throws -> Cluster {
        try ManifestLoader.load(try ManifestFiles.collect(paths)).cluster
    }

    @Test func shopIntentMatchesGolden() throws {
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", Self.intents, "-q"])
        #expect(run.status == 0, "\(run.err)")
        // Origins name the file as given; keep the golden independent of the checkout path.
        try assertSnapshot(run.out.replacingOccurrences(of: Self.intents, with: "shop.yaml"), named: "generate-shop-least-privilege.yaml")
    }

    /// The generated set, loaded with the example's workloads (not its policies), allows
    /// what Examples/shop allows today — compared as connectivity, pod addresses aside
    /// (the generated ipBlocks except them; they are pods, not the outside world).
    @Test func keepCurrentReproducesShopConnectivity() throws {
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--keep-current", "-q"])
        #expect(run.status == 0, "\(run.err)")
        let file = try GenerateDefaultDenyTests.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let today = try Self.load([ExampleTests.example])
        let after = try Self.load(GenerateDefaultDenyTests.shopWorkloads + [file])
        #expect(after.policies.count == run.out.components(separatedBy: "kind: NetworkPolicy").count - 1)
        let podIPs = today.pods.flatMap(\.ips)
        let a = ConnectivitySnapshot(Reachability(cluster: today), level: .workload).removingAddresses(podIPs)
        let b = ConnectivitySnapshot(Reachability(cluster: after), level: .workload).removingAddresses(podIPs)
        let diff = ConnectivityDiff(old: a, new: b)
        #expect(diff.isEmpty, "\(diff)")
        // No label is shared across the example's workloads: no superset to report.
        #expect(!run.err.contains("superset"))
    }

    @Test(arguments: [
        (
            "flows.csv", ["flows.csv:6: warning: cannot map flow: cannot resolve 'shop-api/ghost'"],
            ["=> shop-api/api[Deployment] : TCP 8080", "198.51.100.7-198.51.100.7[External] => shop-frontend/web"]
        ),
        (
            "flows.jsonl",
            [
                "flows.jsonl:4: warning: cannot map flow: cannot resolve 'nowhere/x'",
                "flows.jsonl:5: warning: cannot read flow: not a JSON object",
                "flows.jsonl:6: warning: cannot read flow: unknown protocol 'ICMP'",
            ], ["shop-api/checkout[Deployment] => 203.0.113.10-203.0.113.10[External] : TCP 443"]
        ),
        (
            "hubble.json",
            [
                "hubble.json:7: warning: cannot map flow: cannot resolve 'shop-api/legacy-batch-x8k2p'",
                "hubble.json:8: warning: cannot read flow: no TCP, UDP or SCTP layer",
                "hubble.json:9: warning: cannot read flow: Hubble lost 12 event(s)", "skipped 1 flow(s) with reply (line(s) 2)",
                "skipped 1 flow(s) with verdict DROPPED (line(s) 5)",
            ],
            [
                "203.0.113.50-203.0.113.50[External] => shop-frontend/web[Deployment] : TCP 8080",
                "shop-api/api[Deployment] => shop-data/postgres[StatefulSet] : TCP 5432",
            ]
        ),
    ])
    func flowsBecomePolicies(file: String, messages: [String], edges: [String]) throws {
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--from-flows", fixture("flows/\(file)")])
        #expect(run.status == 0, "\(run.err)")
        for m in messages { #expect(run.err.contains(m), "\(m)\n\(run.err)") }
        let generated = try GenerateDefaultDenyTests.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: generated) }
        let listed = runCLI(["list"] + GenerateDefaultDenyTests.shopWorkloads + [generated, "-q"])
        #expect(listed.status == 0, "\(listed.err)")
        for e in edges { #expect(listed.out.contains(e), "\(e)\n\(listed.out)") }
    }

    /// Windows line ends: "\r\n" is one Character in Swift, so splitting the text on "\n"
    /// read the whole file as one line and mapped no flow (now split on bytes).
    @Test func crlfFlowFile() throws {
        let dir = NSTemporaryDirectory() + "kubereach-flows-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/flows.csv"
        try "src,dst,port,protocol\r\nshop-frontend/web,shop-api/api,8080,TCP\r\nshop-api/api,shop-data/postgres,5432,TCP\r\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--from-flows", path, "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("(\(path):2)") && run.out.contains("(\(path):3)"), "\(run.out)")
    }

    @Test(arguments: [
        ("- from: shop-frontend/web\n  to: shop-api/api\n  port: [tcp/8080]\n", "intent.yaml:3: error: unknown key 'port'"),
        ("- from: shop-frontend/web\n  to: shop-api/api\n", "intent.yaml:1: error: missing 'ports'"),
        (
            "- {from: shop-frontend/web, to: shop-api/api, ports: [tcp/99999]}\n",
            "intent.yaml:1: error: invalid port 'tcp/99999': ports are 1-65535"
        ),
        ("- from: shop-frontend/web\n  to: shop-api/nothing\n  ports: [all]\n", "intent.yaml:1: error: cannot resolve 'shop-api/nothing'"),
        ("from: a\n", "intent.yaml:1: error: expected a list of intents"),
        ("# nothing\n", "error: intent.yaml: no intents"),
        ("- from: internet\n  to: shop-frontend/web\n  ports: [icmp/8]\n", "intent.yaml:1: error: invalid port 'icmp/8'"),
        (
            "- from: 10.0.0.0/33\n  to: shop-frontend/web\n  ports: [all]\n",
            "intent.yaml:1: error: cannot resolve '10.0.0.0/33': not a valid CIDR"
        ),
    ])
    func badIntentFileExitsTwoWithItsLine(text: String, message: String) throws {
        let dir = NSTemporaryDirectory() + "kubereach-intent-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/intent.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", path, "-q"])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err.contains(message.replacingOccurrences(of: "intent.yaml", with: path)), "\(run.err)")
    }

    @Test func csvIntentsAndExitCodes() throws {
        let csv = runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", fixture("intents/shop.csv"), "-q"])
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out.contains("name: allow-ingress-checkout"))
        #expect(csv.out.contains("      port: 8000\n      endPort: 8090\n"))
        #expect(csv.out.contains("- protocol: UDP\n      port: 53\n"))
        // Exactly one source of intents.
        #expect(runCLI(["generate", "least-privilege", ExampleTests.example]).status == 2)
        #expect(runCLI(["generate", "least-privilege", ExampleTests.example, "--keep-current", "--intent", Self.intents]).status == 2)
        #expect(runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", "/nonexistent.yaml"]).status == 2)
        #expect(runCLI(["generate", "least-privilege", ExampleTests.example, "--from-flows", "/nonexistent.csv"]).status == 2)
        #expect(
            runCLI([
                "generate", "least-privilege", ExampleTests.example, "--keep-current", "--exclude",
                GenerateDefaultDenyTests.covered.joined(separator: ","),
            ]).status == 2)
    }

    @Test func outDirectoryOneFilePerNamespace() throws {
        let dir = NSTemporaryDirectory() + "kubereach-lp-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = runCLI(["generate", "least-privilege", ExampleTests.example, "--intent", Self.intents, "--out", dir, "-q"])
        #expect(run.status == 0 && run.out.isEmpty, "\(run.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == GenerateDefaultDenyTests.covered.map { "\($0).yaml" })
    }

    /// Two workloads no stable label separates: each one's policies select both, the
    /// check accepts exactly that superset, and stderr lists it.
    @Test func inseparableWorkloadsAreAListedSuperset() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: blue, namespace: app}
            spec: {template: {metadata: {labels: {app: shop, pod-template-hash: abc}}, spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: green, namespace: app}
            spec: {template: {metadata: {labels: {app: shop, pod-template-hash: def}}, spec: {containers: [{name: c, ports: [{name: http, containerPort: 9090}]}]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: app, labels: {role: client}}
            spec: {containers: [{name: c}]}

            """
        let manifests = try GenerateDefaultDenyTests.temporaryFile(text)
        let intent = try GenerateDefaultDenyTests.temporaryFile("- {from: app/client, to: app/blue, ports: [tcp/8080]}\n")
        defer { for f in [manifests, intent] { try? FileManager.default.removeItem(atPath: f) } }
        let run = runCLI(["generate", "least-privilege", manifests, "--intent", intent, "--no-allow-dns"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning: superset: no stable label separates app/blue[Deployment] from app/green[Deployment]"))
        #expect(run.err.contains("warning: superset: app/client[Pod] => app/green[Deployment] : TCP 8080"))
        // The ports differ by name between the two, so the rule uses the number.
        #expect(run.out.contains("      port: 8080\n") && !run.out.contains("port: http"))
        #expect(run.out.contains("Superset: the selector also takes app/green[Deployment]"))
    }
}
