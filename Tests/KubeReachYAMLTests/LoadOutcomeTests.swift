import KubeReachCore
import KubeReachYAML
import Testing

/// What a load as a whole reports: duplicates, implicit namespaces, skipped kinds, the
/// error policy with and without keepGoing, and the closing warnings.
@Suite struct LoadOutcomeTests {
    static let namespaceA = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"
    static let policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec: {}\n"

    @Test func duplicateObjectsAreAnErrorNamingBothPlacesWhenStrict() throws {
        let errs = errors([("one.yaml", Self.namespaceA), ("two.yaml", "# dup\n" + Self.namespaceA)], strict: true)
        let e = try #require(errs.first)
        #expect(errs.count == 1)
        #expect(e.message.contains("one.yaml:1:1"))
        #expect(e.location?.file == "two.yaml")
        #expect(e.location?.line == 4)
        #expect(e.object == "Namespace a")
    }

    @Test func duplicatePolicyIsAnErrorWhenStrictButSameNameInOtherNamespaceIsNot() throws {
        #expect(errors([("1.yaml", Self.policy), ("2.yaml", Self.policy)], strict: true).count == 1)
        let other = Self.policy.replacing("namespace: a", with: "namespace: b")
        #expect(try load([("1.yaml", Self.policy), ("2.yaml", other)]).cluster.policies.count == 2)
    }

    @Test func sameNameDifferentKindsAreNotDuplicates() throws {
        let dep = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: a}\n"
        let sts = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x, namespace: a}\n"
        #expect(try load([("1.yaml", dep), ("2.yaml", sts)]).cluster.pods.count == 2)
    }

    @Test func duplicateServiceOnlyWarns() throws {
        let svc = "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec: {selector: {app: x}}\n"
        let r = try load([("one.yaml", svc), ("two.yaml", svc)], strict: true)
        #expect(r.cluster.services.count == 1)
        #expect(r.diagnostics.contains { $0.severity == .warning && $0.message.contains("duplicate object") })
    }

    @Test func implicitNamespacesAreAddedWithAWarning() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
        let r = try load([("ns.yaml", Self.namespaceA), ("p.yaml", Self.policy), ("pod.yaml", pod)])
        #expect(r.cluster.namespaces.map(\.name) == ["a", "shop"])
        let shop = try #require(r.cluster.namespaces.last)
        #expect(!shop.declared)
        #expect(shop.labels == ["kubernetes.io/metadata.name": "shop"])
        #expect(
            r.diagnostics.filter { $0.message.contains("is referenced but not declared") }.map(\.message) == [
                "namespace shop is referenced but not declared; assumed with only the kubernetes.io/metadata.name label"
            ])
    }

    @Test func declaredNamespaceGetsTheNameLabel() throws {
        let r = try load("apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {team: x}}\n")
        #expect(r.cluster.namespaces.first?.labels == ["team": "x", "kubernetes.io/metadata.name": "a"])
    }

    @Test func keepGoingSkipsInvalidObjectsAndLoadsTheRest() throws {
        let bad =
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad, namespace: a}\nspec:\n  ingress: [{from: [{}]}]\n"
        let badPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: a}\nstatus: {podIP: nope}\n"
        let files = [("ns.yaml", Self.namespaceA), ("bad.yaml", bad), ("good.yaml", Self.policy), ("pod.yaml", badPod)]
        let all = errors(files)
        #expect(all.map(\.fieldPath) == ["spec.ingress[0].from[0]", "status.podIP"])
        let r = try load(files, keepGoing: true)
        #expect(r.cluster.policies.map(\.name) == ["p"])
        #expect(r.cluster.pods.isEmpty)
        #expect(r.skippedObjects == ["NetworkPolicy a/bad (bad.yaml:1:1)", "Pod a/q (pod.yaml:1:1)"])
        #expect(r.diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test func skippedKindsAreCounted() throws {
        let text =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, labels: [odd]}\n---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\n"
        let r = try load(text)
        #expect(r.skippedKinds == ["ConfigMap": 2, "serving.knative.dev/v1 Service": 1])
        #expect(r.cluster.services.isEmpty)
    }

    @Test func otherPolicyEnginesAreNamedAsNotEvaluated() throws {
        let text = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: x}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: y}
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: NetworkPolicy
            metadata: {name: y}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: g}
            ---
            apiVersion: crd.antrea.io/v1beta1
            kind: ClusterNetworkPolicy
            metadata: {name: a}
            ---
            apiVersion: example.com/v1
            kind: AdminNetworkPolicy
            metadata: {name: b}
            """
        let r = try load(text)
        let notEvaluated = r.diagnostics.filter { $0.message.contains("does not evaluate") }.map(\.message)
        #expect(notEvaluated.count == 3)
        #expect(notEvaluated.contains { $0.hasPrefix("1 AdminNetworkPolicy ") })
        #expect(notEvaluated.contains { $0.hasPrefix("2 AuthorizationPolicy ") })
        // Calico's policies are evaluated (Docs/calico.md): not among them.
        #expect(!notEvaluated.contains { $0.contains("projectcalico.org") })
        #expect(r.cluster.policies.isEmpty)
    }

    @Test func emptyInputWarns() throws {
        let r = try load("")
        #expect(
            r.diagnostics.map(\.message) == [
                "no NetworkPolicy found: every connection is allowed", "no pods or workloads found: nothing to connect",
            ])
    }

    @Test func servicesAreRead() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: a}
            spec:
              type: NodePort
              selector: {app: web}
              ports:
              - {name: http, port: 80, targetPort: http}
              - {port: 53, targetPort: 5353, protocol: UDP}
              - {port: 8443}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: manual, namespace: a}
            spec:
              ports: [{port: 5432}]
            """
        let r = try load(text)
        let web = try #require(r.cluster.services.first { $0.name == "web" })
        #expect(web.type == "NodePort")
        #expect(web.selector == ["app": "web"])
        #expect(
            web.ports == [
                Service.Port(name: "http", port: 80, targetPort: .name("http")),
                Service.Port(port: 53, targetPort: .number(5353), proto: .udp),
                Service.Port(port: 8443),
            ])
        let manual = try #require(r.cluster.services.first { $0.name == "manual" })
        #expect(manual.selector == nil)
        #expect(manual.type == "ClusterIP")
    }

    @Test(arguments: [
        ("{port: 0}", "spec.ports[0].port", "outside 1-65535"),
        ("{port: 80, targetPort: 70000}", "spec.ports[0].targetPort", "outside 1-65535"),
        ("{port: 80, targetPort: 'Not_A_Name'}", "spec.ports[0].targetPort", "invalid named port"),
        ("{port: '80'}", "spec.ports[0].port", "expected an integer"),
        ("{name: x}", "spec.ports[0].port", "port is required"),
    ])
    func invalidServicePorts(entry: String, path: String, message: String) throws {
        let errs = errors("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec:\n  ports:\n  - \(entry)\n")
        let e = try #require(errs.first)
        #expect(e.fieldPath == path)
        #expect(e.location?.line == 6)
        #expect(e.message.contains(message), "\(e.message)")
    }
}
