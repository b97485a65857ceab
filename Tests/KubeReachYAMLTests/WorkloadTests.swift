import KubeReachCore
import KubeReachYAML
import Testing

/// Pods, workload templates and the folding of pods into the workloads that own them.
@Suite struct WorkloadTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              hostNetwork: true
              initContainers:
              - name: init
                ports: [{name: metrics, containerPort: 9090}]
              containers:
              - name: c
                ports: [{name: http, containerPort: 8080}, {containerPort: 53, protocol: UDP}, {containerPort: 9, protocol: SCTP}]
        """

    @Test func workloadStandsForItsTemplatePod() throws {
        let r = try load(Self.deployment)
        let pod = try #require(r.cluster.pods.first)
        #expect(r.cluster.pods.count == 1)
        #expect(pod.name == "web")
        #expect(pod.workload.description == "shop/web[Deployment]")
        #expect(pod.labels == ["app": "web"])
        #expect(pod.ips.isEmpty)
        #expect(pod.hostNetwork)
        #expect(
            Set(pod.ports) == [
                ContainerPort(name: "http", port: 8080), ContainerPort(port: 53, proto: .udp), ContainerPort(port: 9, proto: .sctp),
                ContainerPort(name: "metrics", port: 9090),
            ])
        #expect(pod.location?.line == 1)
    }

    @Test(arguments: [
        ("apps/v1", "Deployment"), ("apps/v1", "ReplicaSet"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"),
        ("extensions/v1beta1", "Deployment"), ("batch/v1", "Job"), ("v1", "ReplicationController"),
    ])
    func everyWorkloadKind(apiVersion: String, kind: String) throws {
        let r = try load(
            "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: w}\nspec:\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, ports: [{containerPort: 80}]}]\n"
        )
        // A DaemonSet stands for one pod per node: two, as nodes are not scheduled.
        #expect(r.cluster.pods.map(\.workload.description) == Array(repeating: "default/w[\(kind)]", count: kind == "DaemonSet" ? 2 : 1))
        #expect(r.cluster.pods.first?.labels == ["a": "b"])
        #expect(r.cluster.pods.first?.ports == [ContainerPort(port: 80)])
    }

    @Test func cronJobUsesJobTemplate() throws {
        let r = try load(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: w}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {job: nightly}}\n        spec:\n          containers: [{name: c, ports: [{name: p, containerPort: 7000}]}]\n"
        )
        let pod = try #require(r.cluster.pods.first)
        #expect(pod.labels == ["job": "nightly"])
        #expect(pod.workload.description == "w/nightly[CronJob]")
        #expect(pod.ports == [ContainerPort(name: "p", port: 7000)])
    }

    @Test func workloadOfAnotherGroupIsSkipped() throws {
        let r = try load("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: w}\n")
        #expect(r.cluster.pods.isEmpty)
        #expect(r.skippedKinds == ["example.com/v1 Deployment": 1])
    }

    static func pod(_ name: String, owner: String? = nil, ownerKind: String? = "ReplicaSet", labels: String = "{app: web}") -> String {
        let ref =
            owner.map { o in
                "\n  ownerReferences:\n  - {\(ownerKind.map { "kind: \($0), " } ?? "")name: \(o), controller: true, apiVersion: apps/v1, uid: x}"
            } ?? ""
        return
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\n  namespace: shop\n  labels: \(labels)\(ref)\nstatus:\n  podIP: 10.0.0.1\n  podIPs: [{ip: 10.0.0.1}, {ip: 'fd00::1'}]\n"
    }

    static let replicaSet =
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web-abc\n  namespace: shop\n  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}]\nspec:\n  template: {metadata: {labels: {app: web}}}\n"
    static let webDeployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template: {metadata: {labels: {app: web}}}\n"

    @Test func podKeepsItsFactsAndDeduplicatesIPs() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a, labels: {x: y}}\nspec:\n  hostNetwork: true\n  containers: [{name: c, ports: [{name: h, containerPort: 80}]}]\n  initContainers: [{name: i, ports: [{containerPort: 81, protocol: UDP}]}]\nstatus:\n  podIP: 10.0.0.1\n  podIPs: [{ip: 10.0.0.1}, {ip: 'fd00::1'}]\n"
        let pod = try #require(try load(text).cluster.pods.first)
        #expect(pod.workload.description == "a/p[Pod]")
        #expect(pod.labels == ["x": "y"])
        #expect(pod.ips.map(\.description) == ["10.0.0.1", "fd00::1"])
        #expect(pod.hostNetwork)
        #expect(Set(pod.ports) == [ContainerPort(name: "h", port: 80), ContainerPort(port: 81, proto: .udp)])
    }

    @Test func podOwnedByUnloadedReplicaSetShowsAsReplicaSet() throws {
        let r = try load(Self.pod("web-abc-1", owner: "web-abc"))
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web-abc[ReplicaSet]"])
        #expect(r.cluster.pods.first?.ips.map(\.description) == ["10.0.0.1", "fd00::1"])
    }

    @Test func podFoldsUpToLoadedDeployment() throws {
        let r = try load([("a.yaml", Self.pod("web-abc-1", owner: "web-abc")), ("b.yaml", Self.replicaSet), ("c.yaml", Self.webDeployment)])
        // The real pod represents the Deployment: no template pods for the RS or the Deployment.
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web[Deployment]"])
        #expect(r.cluster.pods.map(\.name) == ["web-abc-1"])
    }

    @Test func podStopsAtLoadedReplicaSetWhenDeploymentIsNotLoaded() throws {
        let r = try load([("a.yaml", Self.pod("web-abc-1", owner: "web-abc")), ("b.yaml", Self.replicaSet)])
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web-abc[ReplicaSet]"])
    }

    @Test func replicaSetFoldedIntoDeploymentContributesNoTemplate() throws {
        let r = try load([("b.yaml", Self.replicaSet), ("c.yaml", Self.webDeployment)])
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web[Deployment]"])
        #expect(r.cluster.pods.map(\.name) == ["web"])
    }

    @Test func ownerWithoutKindIsShownAsPodOfOwnerName() throws {
        let r = try load([
            ("a.yaml", Self.pod("x-1", owner: "internal", ownerKind: nil)), ("b.yaml", Self.pod("x-2", owner: "internal", ownerKind: nil)),
        ])
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/internal[Pod]", "shop/internal[Pod]"])
    }

    @Test func nonControllerOwnerIsIgnored() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: a\n  ownerReferences: [{kind: ReplicaSet, name: rs, controller: false}]\n"
        #expect(try load(text).cluster.pods.first?.workload.description == "a/p[Pod]")
    }

    @Test func mirrorPodOwnedByNodeStaysAPod() throws {
        let r = try load(Self.pod("etcd-node1", owner: "node1", ownerKind: "Node"))
        #expect(r.cluster.pods.first?.workload.description == "shop/etcd-node1[Pod]")
    }

    @Test func ownerCycleTerminates() throws {
        let a =
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: a\n  namespace: shop\n  ownerReferences: [{kind: ReplicaSet, name: b, controller: true}]\n"
        let b =
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: b\n  namespace: shop\n  ownerReferences: [{kind: ReplicaSet, name: a, controller: true}]\n"
        let r = try load([("a.yaml", a), ("b.yaml", b), ("p.yaml", Self.pod("p", owner: "a"))])
        #expect(r.cluster.pods.count == 1)
    }

    struct BadPod: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var path: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let badPods: [BadPod] = [
        BadPod(name: "invalid podIP", body: "status:\n  podIP: 10.0.0.300\n", path: "status.podIP", line: 5, message: "invalid IP address"),
        BadPod(
            name: "invalid podIPs entry", body: "status:\n  podIPs:\n  - ip: 10.0.0.1\n  - ip: banana\n", path: "status.podIPs[1].ip",
            line: 7, message: "invalid IP address"),
        BadPod(
            name: "containerPort as text", body: "spec:\n  containers:\n  - ports: [{containerPort: abc}]\n",
            path: "spec.containers[0].ports[0].containerPort", line: 6, message: "expected an integer"),
        BadPod(
            name: "containerPort out of range", body: "spec:\n  initContainers:\n  - ports:\n    - containerPort: 65536\n",
            path: "spec.initContainers[0].ports[0].containerPort", line: 7, message: "outside 1-65535"),
        BadPod(
            name: "bad container protocol", body: "spec:\n  containers:\n  - ports: [{containerPort: 80, protocol: HTTP}]\n",
            path: "spec.containers[0].ports[0].protocol", line: 6, message: "unsupported protocol"),
        BadPod(
            name: "containers as a map", body: "spec:\n  containers: {name: c}\n", path: "spec.containers", line: 5,
            message: "expected a list"),
        BadPod(
            name: "hostNetwork as text", body: "spec:\n  hostNetwork: maybe\n", path: "spec.hostNetwork", line: 5,
            message: "expected true or false"),
    ]

    @Test(arguments: badPods)
    func badPodIsReportedAtItsField(_ c: BadPod) throws {
        let errs = errors("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\n" + c.body)
        let e = try #require(errs.first { $0.fieldPath == c.path }, "got: \(errs.map(\.description))")
        #expect(e.location?.line == c.line)
        #expect(e.object == "Pod a/p")
        #expect(e.message.contains(c.message), "\(e.message)")
    }

    @Test func labelsAsAListIsAnError() throws {
        let errs = errors(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: a}\nspec:\n  template:\n    metadata:\n      labels: [app]\n"
        )
        let e = try #require(errs.first)
        #expect(e.fieldPath == "spec.template.metadata.labels")
        #expect(e.location?.line == 7)
        #expect(e.message == "expected a map")
    }

    /// kubectl reads YAML 1.1 booleans.
    @Test(arguments: [("true", true), ("yes", true), ("On", true), ("false", false), ("no", false)])
    func hostNetworkSpellings(text: String, value: Bool) throws {
        let r = try load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: \(text)\n")
        #expect(r.cluster.pods.first?.hostNetwork == value)
    }

    @Test func portEntryWithoutContainerPortWarns() throws {
        let r = try load("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, ports: [{name: x}]}]\n")
        #expect(r.cluster.pods.first?.ports == [])
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.fieldPath == "spec.containers[0].ports[0]" })
    }
}
