import KubeReachCore
import KubeReachYAML
import Testing

@Suite struct LoaderTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: c
                ports: [{name: http, containerPort: 8080}, {containerPort: 53, protocol: UDP}]
        """

    @Test func workloadStandsForItsTemplatePod() throws {
        let r = try load(Self.deployment)
        let pod = try #require(r.cluster.pods.first)
        #expect(pod.workload.description == "shop/web[Deployment]")
        #expect(pod.labels == ["app": "web"])
        #expect(pod.ports.contains(ContainerPort(name: "http", port: 8080)))
        #expect(pod.ports.contains(ContainerPort(name: nil, port: 53, proto: .udp)))
        #expect(r.diagnostics.contains { $0.message.contains("namespace shop is referenced") })
    }

    @Test(arguments: ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"])
    func everyWorkloadKind(kind: String) throws {
        let r = try load("apiVersion: apps/v1\nkind: \(kind)\nmetadata: {name: w}\nspec:\n  template:\n    metadata: {labels: {a: b}}\n")
        #expect(r.cluster.pods.map(\.workload.description) == ["default/w[\(kind)]"])
        #expect(r.cluster.pods.first?.labels == ["a": "b"])
    }

    @Test func cronJobUsesJobTemplate() throws {
        let r = try load("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: w}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {job: nightly}}\n")
        #expect(r.cluster.pods.first?.labels == ["job": "nightly"])
        #expect(r.cluster.pods.first?.workload.kind == "CronJob")
    }

    static func pod(_ name: String, owner: String? = nil, ownerKind: String? = "ReplicaSet") -> String {
        let ref = owner.map { o in
            "\n  ownerReferences:\n  - {\(ownerKind.map { "kind: \($0), " } ?? "")name: \(o), controller: true, apiVersion: apps/v1, uid: x}"
        } ?? ""
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\n  namespace: shop\n  labels: {app: web}\(ref)\nstatus:\n  podIPs: [{ip: 10.0.0.1}, {ip: 'fd00::1'}]\n"
    }

    @Test func podOwnedByUnloadedReplicaSetShowsAsReplicaSet() throws {
        let r = try load(Self.pod("web-abc-1", owner: "web-abc"))
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web-abc[ReplicaSet]"])
        #expect(r.cluster.pods.first?.ips.map(\.description) == ["10.0.0.1", "fd00::1"])
    }

    @Test func podFoldsUpToLoadedDeployment() throws {
        let rs = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web-abc\n  namespace: shop\n  ownerReferences: [{kind: Deployment, name: web, controller: true}]\nspec:\n  template: {metadata: {labels: {app: web}}}\n"
        let dep = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template: {metadata: {labels: {app: web}}}\n"
        let r = try load([("a.yaml", Self.pod("web-abc-1", owner: "web-abc")), ("b.yaml", rs), ("c.yaml", dep)])
        // The real pod represents the Deployment: no template pods for the RS or the Deployment.
        #expect(r.cluster.pods.map(\.workload.description) == ["shop/web[Deployment]"])
        #expect(r.cluster.pods.map(\.name) == ["web-abc-1"])
    }

    @Test func ownerWithoutKindIsShownAsPodOfOwnerName() throws {
        let r = try load(Self.pod("x-1", owner: "internal", ownerKind: nil))
        #expect(r.cluster.pods.first?.workload.description == "shop/internal[Pod]")
    }

    @Test func mirrorPodOwnedByNodeStaysAPod() throws {
        let r = try load(Self.pod("etcd-node1", owner: "node1", ownerKind: "Node"))
        #expect(r.cluster.pods.first?.workload.description == "shop/etcd-node1[Pod]")
    }

    @Test func listsAreFlattenedAndTypedItemsInheritKind() throws {
        let text = """
            {"apiVersion": "v1", "kind": "NamespaceList", "items": [
              {"metadata": {"name": "a", "labels": {"team": "x"}}},
              {"metadata": {"name": "b"}}
            ]}
            """
        let r = try load(text, name: "ns.json")
        #expect(r.cluster.namespaces.map(\.name) == ["a", "b"])
        #expect(r.cluster.namespaces[0].labels == ["team": "x", "kubernetes.io/metadata.name": "a"])
    }

    @Test func kubectlListOfMixedObjects() throws {
        let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n"
        let r = try load(text)
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        #expect(r.skippedKinds == ["ConfigMap": 1])
    }

    @Test func crlfBomAndHelmTemplateOutput() throws {
        let text = "\u{FEFF}---\r\n# Source: chart/templates/ns.yaml\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: a\r\n---\r\n# Source: chart/templates/empty.yaml\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: b\r\n"
        let r = try load(text)
        #expect(r.cluster.namespaces.map(\.name) == ["a", "b"])
    }

    @Test func malformedDocumentFailsWithItsLineAndKeepGoingKeepsTheOthers() throws {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [oops\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n"
        let errs = errors(text)
        #expect(errs.count == 1)
        #expect(errs.first?.location?.documentIndex == 1)
        #expect((errs.first?.location?.line ?? 0) >= 7)
        let r = try load(text, keepGoing: true)
        #expect(r.cluster.namespaces.map(\.name) == ["a", "c"])
        #expect(r.skippedObjects.count == 1)
    }

    @Test func duplicateObjectsAreAnError() {
        let ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"
        let errs = errors([("one.yaml", ns), ("two.yaml", ns)])
        #expect(errs.count == 1)
        #expect(errs.first?.message.contains("one.yaml") == true)
        #expect(errs.first?.location?.file == "two.yaml")
    }

    @Test func fileWithoutKubernetesObjectsIsSkippedWithAWarning() throws {
        let r = try load([("out.json", "[{\"src\": \"a\", \"dst\": \"b\"}]"), ("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")])
        #expect(r.diagnostics.contains { $0.location?.file == "out.json" && $0.message.contains("no Kubernetes object") })
        #expect(r.cluster.namespaces.count == 1)
    }

    @Test func invalidUTF8IsAnError() {
        do {
            _ = try ManifestLoader.load([ManifestSource(name: "bin.yaml", bytes: [0xff, 0xfe, 0x00, 0x41])])
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostics.first?.message.contains("UTF-8") == true)
        }
    }

    @Test func wrongTypesAreErrorsNotCrashes() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: [a]}\nspec:\n  containers:\n  - ports: [{containerPort: abc}]\n"
        let errs = errors(text)
        #expect(errs.contains { $0.fieldPath == "metadata.labels" })
        #expect(errs.contains { $0.fieldPath == "spec.containers[0].ports[0].containerPort" })
    }

    @Test func deepNestingIsRefused() {
        let text = "a: " + String(repeating: "[", count: 5000)
        let errs = errors(text)
        #expect(errs.first?.message.contains("nested deeper") == true)
    }

    @Test func otherPolicyEnginesAreNamedAsNotEvaluated() throws {
        let r = try load("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: x}\n---\napiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: y}\n")
        #expect(r.diagnostics.filter { $0.message.contains("does not evaluate") }.count == 2)
    }

    @Test func emptyInputWarns() throws {
        let r = try load("")
        #expect(r.diagnostics.contains { $0.message.contains("no NetworkPolicy") })
        #expect(r.diagnostics.contains { $0.message.contains("no pods") })
    }
}

@Suite struct DuplicateServiceTests {
    @Test func duplicateServiceOnlyWarns() throws {
        let svc = "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec: {selector: {app: x}}\n"
        let r = try load([("one.yaml", svc), ("two.yaml", svc)])
        #expect(r.cluster.services.count == 1)
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("duplicate object") })
    }
}
