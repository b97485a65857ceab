import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachYAML
import Testing

/// Manifests for the model questions of issue 13, each written as a user would meet it.
enum ModelScenario {
    static let ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n"

    static func policy(_ name: String, ns: String = "default", _ spec: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(ns)}\nspec:\n\(spec)\n---\n"
    }

    static func workload(_ kind: String, _ name: String, count: String = "", app: String? = nil, port: Int = 6379) -> String {
        let api = kind == "Job" || kind == "CronJob" ? "batch/v1" : "apps/v1"
        let pod = "metadata: {labels: {app: \(app ?? name)}}\n    spec: {containers: [{name: c, ports: [{containerPort: \(port)}]}]}"
        let spec =
            kind == "CronJob"
            ? "  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n\(count.isEmpty ? "" : "      \(count)\n")      template:\n        \(pod.replacing("\n    ", with: "\n        "))"
            : (count.isEmpty ? "" : "  \(count)\n") + "  template:\n    \(pod)"
        return "apiVersion: \(api)\nkind: \(kind)\nmetadata: {name: \(name), namespace: default}\nspec:\n\(spec)\n---\n"
    }

    /// A StatefulSet of three whose pods may reach each other only on TCP 6379.
    static let redis =
        workload("StatefulSet", "redis", count: "replicas: 3")
        + policy(
            "redis-peers",
            "  podSelector: {matchLabels: {app: redis}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: redis}}}]\n    ports: [{port: 6379}]"
        )

    static func pod(_ name: String, ns: String = "x", app: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: \(ns), labels: {app: \(app)}}\nspec: {containers: [{name: c}]}\n---\n"
    }

    /// A file in a fresh temporary directory.
    static func file(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "kubereach-model-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/cluster.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func cluster(_ text: String) throws -> Cluster {
        try ManifestLoader.load([ManifestSource(name: "c.yaml", bytes: Array(text.utf8))]).cluster
    }
}

/// Point 1: a workload stands for its replicas, and two of them are an ordinary pair.
@Suite struct ReplicaTests {
    typealias S = ModelScenario

    @Test func evalBetweenReplicasIsEvaluated() throws {
        let file = try S.file(S.redis)
        let denied = runCLI(["eval", "default/redis", "default/redis", "--port", "22", file])
        #expect(denied.status == 1, "\(denied.out)\(denied.err)")
        #expect(denied.out.hasPrefix("denied on TCP 22"))
        let allowed = runCLI(["eval", "default/redis", "default/redis", "--port", "6379", file])
        #expect(allowed.status == 0, "\(allowed.out)")
        let pods = runCLI(["eval", "default/redis-0", "default/redis-2", "--port", "22", file])
        #expect(pods.status == 1, "\(pods.out)\(pods.err)")
    }

    @Test func listShowsReplicaPairsAtPodAndWorkloadLevel() throws {
        let file = try S.file(S.redis)
        let pods = runCLI(["list", "--by", "pod", file])
        #expect(pods.status == 0, "\(pods.err)")
        let lines = pods.out.split(separator: "\n").filter { !$0.contains("[External]") }
        #expect(lines.count == 6, "\(pods.out)")
        #expect(lines.contains("default/redis-0 => default/redis-1 : TCP 6379"))
        #expect(!pods.out.contains("default/redis-0 => default/redis-0"))
        let workloads = runCLI(["list", file])
        #expect(workloads.out.contains("default/redis[StatefulSet] => default/redis[StatefulSet] : TCP 6379"), "\(workloads.out)")
    }

    /// One pod alone: no self line at any level (a pod to itself is never printed).
    @Test func aSinglePodHasNoSelfLine() throws {
        let file = try S.file(S.redis.replacing("replicas: 3", with: "replicas: 1"))
        let run = runCLI(["list", file])
        #expect(!run.out.contains("default/redis[StatefulSet] => default/redis[StatefulSet]"), "\(run.out)")
    }

    struct CountCase: Sendable, CustomTestStringConvertible {
        var kind: String
        var count: String
        var pods: [String]
        var testDescription: String { "\(kind) \(count)" }
    }

    static let counts: [CountCase] = [
        CountCase(kind: "StatefulSet", count: "replicas: 3", pods: ["redis-0", "redis-1", "redis-2"]),
        CountCase(kind: "StatefulSet", count: "", pods: ["redis"]),
        CountCase(kind: "Deployment", count: "replicas: 2", pods: ["redis-0", "redis-1"]),
        CountCase(kind: "Deployment", count: "replicas: 0", pods: ["redis"]),
        CountCase(kind: "ReplicaSet", count: "replicas: 1", pods: ["redis"]),
        CountCase(kind: "DaemonSet", count: "", pods: ["redis-0", "redis-1"]),
        CountCase(kind: "Job", count: "parallelism: 2", pods: ["redis-0", "redis-1"]),
        CountCase(kind: "Job", count: "", pods: ["redis"]),
        CountCase(kind: "CronJob", count: "parallelism: 3", pods: ["redis-0", "redis-1", "redis-2"]),
    ]

    @Test(arguments: counts)
    func podsPerWorkload(_ c: CountCase) throws {
        let cluster = try S.cluster(S.workload(c.kind, "redis", count: c.count))
        #expect(cluster.pods.map(\.name) == c.pods)
        #expect(Set(cluster.pods.map(\.workload.description)) == ["default/redis[\(c.kind)]"])
    }

    @Test func hugeReplicaCountsAreCappedWithANote() throws {
        let text = S.workload("Deployment", "web", count: "replicas: 5000")
        let result = try ManifestLoader.load([ManifestSource(name: "c.yaml", bytes: Array(text.utf8))])
        #expect(result.cluster.pods.count == 32)
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("5000 replicas") })
        let negative = S.workload("Deployment", "web", count: "replicas: -1")
        #expect(throws: (any Error).self) { try ManifestLoader.load([ManifestSource(name: "c.yaml", bytes: Array(negative.utf8))]) }
    }

    /// Replicas share one identity: the engine's cost does not grow with the count.
    @Test func replicasShareOneIdentity() throws {
        let reach = Reachability(cluster: try S.cluster(S.workload("Deployment", "web", count: "replicas: 30")))
        #expect(reach.identityCountForReport == 1)
    }

    /// Lint must not call a replication rule redundant (Redis HA, Alertmanager gossip).
    @Test func replicationRuleIsNotRedundant() throws {
        let run = runCLI(["lint", try S.file(S.redis)])
        #expect(!run.out.contains("redundant-rule-or-policy"), "\(run.out)")
    }

    /// diff sees a change that only touches replica pairs.
    @Test func diffSeesReplicaOnlyChange() throws {
        let old = try S.file(S.redis)
        let new = try S.file(S.redis.replacing("ports: [{port: 6379}]", with: "ports: [{port: 6380}]"))
        let run = runCLI(["diff", old, new])
        #expect(run.out.contains("default/redis[StatefulSet] => default/redis[StatefulSet]"), "\(run.out)")
    }

    /// paths: replicas reaching each other are a one-hop path from the workload to itself.
    @Test func pathsBetweenReplicas() throws {
        let run = runCLI(["paths", "--from", "default/redis", "--to", "default/redis", try S.file(S.redis)])
        #expect(run.out.contains("1. (1 hop) default/redis[StatefulSet] -[TCP 6379]-> default/redis[StatefulSet]"), "\(run.out)")
    }

    /// generate least-privilege --keep-current keeps the replication rule.
    @Test func keepCurrentKeepsReplication() throws {
        let run = runCLI(["generate", "least-privilege", try S.file(S.redis), "--keep-current", "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("port: 6379"), "\(run.out)")
    }
}

/// Point 2: "All Connections" is every protocol; three listed protocols are not.
@Suite struct ProtocolUniverseTests {
    typealias S = ModelScenario

    static let threeProtocols = "ports: [{protocol: TCP}, {protocol: UDP}, {protocol: SCTP}]"

    static func cluster(ports: String?) -> String {
        S.ns + S.pod("a", app: "a") + S.pod("b", app: "b")
            + S.policy(
                "b-in", ns: "x",
                "  podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: a}}}]\(ports.map { "\n    \($0)" } ?? "")"
            )
    }

    @Test func setsAndText() {
        #expect(ConnectionSet.all.description == "All Connections")
        #expect(ConnectionSet.allPorts.description == "SCTP 1-65535,TCP 1-65535,UDP 1-65535")
        #expect(ConnectionSet.allPorts != .all && ConnectionSet.allPorts.isSubset(of: .all))
        #expect(ConnectionSet.all.subtracting(.allPorts).description == "other protocols")
        #expect(
            ConnectionSet.all.subtracting(ConnectionSet(.tcp, PortSet(port: 80))).description
                == "SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535,other protocols")
        #expect(!ConnectionSet(otherProtocols: true).isEmpty)
    }

    @Test(arguments: [(nil as String?, "All Connections"), (threeProtocols, "SCTP 1-65535,TCP 1-65535,UDP 1-65535")])
    func listAndEval(ports: String?, text: String) throws {
        let file = try S.file(Self.cluster(ports: ports))
        let list = runCLI(["list", "--by", "pod", file])
        #expect(list.out.contains("x/a => x/b : \(text)\n"), "\(list.out)")
        let json = runCLI(["eval", "x/a", "x/b", "-o", "json", file])
        let doc = try JSONDecoder().decode(EvalDocument.self, from: Data(json.out.utf8))
        #expect(doc.otherProtocols == (ports == nil), "\(json.out)")
        #expect(doc.conn == text)
    }

    @Test func diffSeesIcmpGoing() throws {
        let old = try S.file(Self.cluster(ports: nil)), new = try S.file(Self.cluster(ports: Self.threeProtocols))
        let run = runCLI(["diff", old, new])
        #expect(!run.out.contains("No connectivity changes"), "\(run.out)")
        #expect(run.out.contains("x/a[Pod] => x/b[Pod]"), "\(run.out)")
    }

    /// --keep-current writes a rule without ports for All Connections (ICMP kept) and the
    /// three protocols for the three-protocol set (ICMP still out).
    @Test(arguments: [(nil as String?, false), (threeProtocols, true)])
    func keepCurrent(ports: String?, listsProtocols: Bool) throws {
        let run = runCLI(["generate", "least-privilege", try S.file(Self.cluster(ports: ports)), "--keep-current", "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("protocol: SCTP") == listsProtocols, "\(run.out)")
    }
}

/// Points 3 and 4: external ranges are never transit, and exposure's fix names the rule.
@Suite struct ExternalTransitTests {
    typealias S = ModelScenario

    /// a may send only to 10.0.0.0/8; b accepts only from 192.168.0.0/16.
    static let cluster =
        S.ns + S.pod("a", app: "a") + S.pod("b", app: "b")
        + S.policy(
            "a-out", ns: "x",
            "  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: 10.0.0.0/8}}]")
        + S.policy(
            "b-in", ns: "x",
            "  podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress]\n  ingress:\n  - from: [{ipBlock: {cidr: 192.168.0.0/16}}]\n    ports: [{port: 443}]"
        )

    @Test func noPathThroughTheInternet() throws {
        let file = try S.file(Self.cluster)
        let run = runCLI(["paths", "--from", "x/a", "--to", "x/b", file])
        #expect(run.out == "paths from x/a to x/b: no path\n", "\(run.out)")
        let radius = runCLI(["blast-radius", "x/a", file])
        #expect(!radius.out.contains("x/b"), "\(radius.out)")
        #expect(radius.out.contains("10.0.0.0-10.255.255.255[External]"), "\(radius.out)")
        let reverse = runCLI(["blast-radius", "x/b", "--reverse", file])
        #expect(!reverse.out.contains("x/a"), "\(reverse.out)")
        #expect(reverse.out.contains("192.168.0.0-192.168.255.255[External]"), "\(reverse.out)")
    }

    /// `internet` is every external range as a start: each range stays its own node.
    @Test func internetIsEveryRangeAsAStart() throws {
        let run = runCLI(["paths", "--from", "internet", "--to", "x/b", try S.file(Self.cluster)])
        #expect(run.out.contains("192.168.0.0-192.168.255.255[External] -[TCP 443]-> x/b[Pod]"), "\(run.out)")
        #expect(!run.out.contains("internet -"), "\(run.out)")
    }

    /// The chokepoint fix for an ipBlock rule names the policy and the rule.
    @Test func exposureFixNamesTheIPBlockRule() throws {
        let text = Self.cluster.replacing("labels: {app: b}}", with: "labels: {app: b, tier: db}}")
        let run = runCLI(["exposure", try S.file(text)])
        #expect(
            run.out.contains("narrow x/b-in spec.ingress[0] so it no longer admits 192.168.0.0-192.168.255.255[External]"), "\(run.out)")
        #expect(!run.out.contains("narrow  so"), "\(run.out)")
    }

    /// A chokepoint admitted by an AdminNetworkPolicy names that rule, not an empty list.
    @Test func exposureFixNamesAnAdminRule() throws {
        let anp =
            "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: open-db}\nspec:\n  priority: 5\n"
            + "  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: x}}}\n  ingress:\n  - name: from-net\n    action: Allow\n    from: [{namespaces: {}}]\n---\n"
        // c (another namespace, no policy) is an entry point; only the ANP lets it reach b.
        let text =
            S.ns + S.pod("c", ns: "y", app: "c") + S.pod("b", app: "b").replacing("labels: {app: b}}", with: "labels: {app: b, tier: db}}")
            + anp
            + S.policy("deny", ns: "x", "  podSelector: {}\n  policyTypes: [Ingress]")
        let run = runCLI(["exposure", try S.file(text)])
        #expect(!run.out.contains("narrow  so"), "\(run.out)")
        #expect(run.out.contains("AdminNetworkPolicy open-db spec.ingress[0]"), "\(run.out)")
    }
}
