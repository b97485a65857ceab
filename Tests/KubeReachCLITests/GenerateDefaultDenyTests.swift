import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachTestSupport
import Testing

/// `kubereach generate default-deny`: the YAML, its round trip through the loader, the
/// rollout impact, the directory output and the exit codes.
@Suite struct GenerateDefaultDenyTests {
    /// Examples/shop without its policies: what the starter set alone allows.
    static var shopWorkloads: [String] {
        ["api", "data", "frontend", "namespaces", "platform", "workers"].map { "\(ExampleTests.example)/\($0).yaml" }
    }
    static let covered = ["monitoring", "shop-api", "shop-data", "shop-frontend", "shop-workers"]

    static func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "kubereach-gen-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The lines of `list` that touch a covered namespace.
    static func coveredEdges(_ listing: String) -> [String] {
        listing.split(separator: "\n").map(String.init).filter { line in
            covered.contains { line.hasPrefix("\($0)/") || line.contains("=> \($0)/") }
        }
    }

    @Test func shopRoundTripLeavesOnlyDNS() throws {
        let run = runCLI(["generate", "default-deny", ExampleTests.example, "-q"])
        #expect(run.status == 0, "\(run.err)")
        let file = try Self.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let listed = runCLI(["list"] + Self.shopWorkloads + [file, "-q"])
        #expect(listed.status == 0, "\(listed.err)")
        let edges = Self.coveredEdges(listed.out)
        #expect(edges.count == 9)  // the nine workloads of the covered namespaces, each to coredns
        for line in edges { #expect(line.hasSuffix("=> kube-system/coredns[Deployment] : TCP 53,UDP 53"), "\(line)") }
    }

    /// The check judges the generated set alone: an AdminNetworkPolicy of the input that
    /// allows more (it would still win over the set in the cluster) does not fail it.
    @Test func adminPoliciesOfTheInputDoNotFailTheCheck() throws {
        let anp = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: web-to-internet}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop-frontend}}}
              egress:
              - {name: out, action: Allow, to: [{networks: [0.0.0.0/0]}]}
            """
        let file = try Self.temporaryFile(anp)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = runCLI(["generate", "default-deny", ExampleTests.example, file, "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("name: default-deny"))
    }

    @Test func sameNamespaceRoundTrip() throws {
        let run = runCLI(["generate", "default-deny", ExampleTests.example, "--allow-same-namespace", "--no-allow-dns", "-q"])
        let file = try Self.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let edges = Self.coveredEdges(runCLI(["list"] + Self.shopWorkloads + [file, "-q"]).out)
        // api⇄checkout, postgres⇄redis, the three shop-workers workloads pairwise, and the
        // replicas of shop-api/api (2) and shop-frontend/web (3) among themselves.
        #expect(edges.count == 2 + 2 + 6 + 2)
        for line in edges {
            let parts = line.split(separator: " ")
            let ns = { (s: Substring) in s.split(separator: "/").first }
            #expect(ns(parts[0]) == ns(parts[2]) && line.hasSuffix(": All Connections"), "\(line)")
        }
    }

    @Test func shopYAMLMatchesGolden() throws {
        let run = runCLI([
            "generate", "default-deny", ExampleTests.example, "--allow-same-namespace", "--namespaces", "shop-api,shop-data", "-q",
        ])
        #expect(run.status == 0)
        try assertSnapshot(run.out, named: "generate-shop-default-deny.yaml")
    }

    static let small = """
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: app, labels: {role: client}}
        spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: server, namespace: app, labels: {role: server}}
        spec: {containers: [{name: s, image: x, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
        spec: {containers: [{name: d, image: x}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: server-in, namespace: app}
        spec:
          podSelector: {matchLabels: {role: server}}
          policyTypes: [Ingress]
          ingress:
          - from: [{podSelector: {matchLabels: {role: client}}}]
            ports: [{port: 8080}]

        """

    /// Worked out from the fixture: `app` is covered (kube-system is not); the server
    /// already admits only the client on 8080. Deny-all takes every egress of both pods
    /// except DNS, and every ingress of the client.
    @Test func impactOnASmallFixture() throws {
        let file = try Self.temporaryFile(Self.small)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = runCLI(["generate", "default-deny", file, "--impact-only"])
        #expect(run.status == 0, "\(run.err)")
        let dnsLoss = "SCTP 1-65535,TCP 1-52,54-65535,UDP 1-52,54-65535,other protocols (still allowed: TCP 53,UDP 53)"
        #expect(
            run.out == """
                Rollout impact: 8 pair(s) allowed today would lose connections.
                By namespace pair (pairs losing connections, of which losing all):
                  app => app : 2 (2)
                  app => external : 2 (2)
                  app => kube-system : 2 (0)
                  external => app : 1 (1)
                  kube-system => app : 1 (1)
                Every pair:
                - 0.0.0.0-255.255.255.255[External] => app/client[Pod] : All Connections
                - app/client[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
                - app/client[Pod] => app/server[Pod] : TCP 8080
                - app/client[Pod] => kube-system/coredns[Pod] : \(dnsLoss)
                - app/server[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
                - app/server[Pod] => app/client[Pod] : All Connections
                - app/server[Pod] => kube-system/coredns[Pod] : \(dnsLoss)
                - kube-system/coredns[Pod] => app/client[Pod] : All Connections

                """)
        #expect(run.err.contains("note: not covered: kube-system"))
    }

    @Test func outDirectoryOneFilePerNamespace() throws {
        let dir = NSTemporaryDirectory() + "kubereach-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--out", dir, "-q"]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == Self.covered.map { "\($0).yaml" })
        // A second run into the existing directory replaces its files and keeps others.
        try "keep".write(toFile: dir + "/other.txt", atomically: true, encoding: .utf8)
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--out", dir, "--namespaces", "shop-api", "-q"]).status == 0)
        let again = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(again == (Self.covered.map { "\($0).yaml" } + ["other.txt"]).sorted())
        let listed = runCLI(["list"] + Self.shopWorkloads + [dir, "-q"])
        #expect(listed.status == 0 && Self.coveredEdges(listed.out).count == 9, "\(listed.err)")
    }

    @Test func exitCodes() {
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "-q"]).status == 0)
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--dns-pod-label", "nolabel"]).status == 2)
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--exclude", Self.covered.joined(separator: ",")]).status == 2)
        #expect(runCLI(["generate", "default-deny", "/nonexistent"]).status == 2)
        #expect(runCLI(["generate", "default-deny"]).status == 2)
        let file = NSTemporaryDirectory() + "kubereach-notadir-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try? "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(runCLI(["generate", "default-deny", ExampleTests.example, "--out", file, "-q"]).status == 2)
    }

    @Test func warnsAboutReplacedPoliciesAndMissingDNS() {
        let run = runCLI(["generate", "default-deny", ExampleTests.example, "--dns-pod-label", "app=nothing"])
        #expect(run.err.contains("warning: shop-api/default-deny already exists"))
        #expect(run.err.contains("warning: no pod in the input matches the DNS labels"))
        let dnsCovered = runCLI(["generate", "default-deny", ExampleTests.example, "--namespaces", "kube-system", "--impact-only"])
        #expect(dnsCovered.err.contains("warning: the DNS pods of kube-system are covered too"))
    }

    /// The safety net: a plan missing one namespace's deny-all is caught before writing.
    @Test func checkCatchesAPlanThatLeavesTrafficOpen() throws {
        let pods = [
            Pod(namespace: "a", name: "x"), Pod(namespace: "a", name: "y"),
            Pod(namespace: "kube-system", name: "dns", labels: ["k8s-app": "kube-dns"]),
        ]
        var cluster = Cluster(pods: pods)
        cluster.addImplicitNamespaces()
        var plan = DefaultDenyPlan(cluster: cluster, options: DefaultDenyOptions())
        #expect(plan.covered == ["a"])
        #expect(DefaultDenyCheck.violations(of: plan, in: cluster, options: EvaluationOptions()).isEmpty)
        plan.policies.removeAll { $0.policy.name == "default-deny" }
        let violations = DefaultDenyCheck.violations(of: plan, in: cluster, options: EvaluationOptions())
        // The DNS policy still isolates egress, but ingress is left open: pods of other
        // namespaces and the world reach x.
        #expect(violations.contains { $0.source == "kube-system/dns[Pod]" && $0.destination == "a/x[Pod]" && $0.unexpected.isAll })
        #expect(!violations.contains { $0.source == "a/y[Pod]" })
        #expect(violations.contains { $0.source.isExternal && $0.destination == "a/x[Pod]" })
    }

    @Test func scalarsThatYAMLWouldRetypeAreQuoted() throws {
        #expect(PolicyYAML.scalar("k8s-app") == "k8s-app")
        #expect(PolicyYAML.scalar("kubernetes.io/metadata.name") == "kubernetes.io/metadata.name")
        for s in ["true", "On", "null", "53", "1e3", "", "a b", "x: y", "#c", "-", "~"] {
            #expect(PolicyYAML.scalar(s).hasPrefix("\""), "\(s)")
        }
        #expect(PolicyYAML.scalar("say \"hi\"") == "\"say \\\"hi\\\"\"")
        // A namespace called `yes` survives the round trip as a string.
        let file = try Self.temporaryFile(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: \"yes\"}\nspec: {containers: [{name: c, image: x}]}\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = runCLI(["generate", "default-deny", file, "-q"])
        #expect(run.out.contains("namespace: \"yes\""))
        let generated = try Self.temporaryFile(run.out)
        defer { try? FileManager.default.removeItem(atPath: generated) }
        let listed = runCLI(["list", file, generated, "-q"])
        #expect(listed.status == 0 && listed.out.isEmpty, "\(listed.out) \(listed.err)")
    }
}
