import KubeReachCore
import KubeReachYAML
import Testing

/// How files become documents: encodings, line ends, document markers, lists and JSON.
@Suite struct StreamTests {
    static let badPolicy =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n  podSelector:\n    matchLabels: {app: 'a b'}\n"

    @Test(arguments: ["\r\n", "\r"])
    func lineEndsKeepFileLineNumbers(lineEnd: String) throws {
        let text = ("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n" + Self.badPolicy).replacing("\n", with: lineEnd)
        let e = try #require(errors(text).first)
        #expect(e.location?.line == 10)
        #expect(e.location?.documentIndex == 1)
        #expect(e.fieldPath == "spec.podSelector.matchLabels.app")
    }

    @Test func byteOrderMarkIsStripped() throws {
        let r = try ManifestLoader.load([
            ManifestSource(
                name: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n".utf8))
        ])
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        #expect(r.cluster.namespaces.first?.location?.line == 1)
    }

    @Test func helmTemplateOutput() throws {
        let text = """
            ---
            # Source: chart/templates/ns.yaml
            apiVersion: v1
            kind: Namespace
            metadata:
              name: a
            ---
            # Source: chart/templates/empty.yaml
            ---
            # Source: chart/templates/np.yaml
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny
              namespace: a
            spec:
              podSelector: {}
            """
        let r = try load(text)
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        // The leading `---` does not open an extra document: indices are YAML's.
        #expect(r.cluster.namespaces.first?.location?.documentIndex == 0)
        #expect(r.cluster.policies.first?.location == SourceLocation(file: "test.yaml", documentIndex: 2, line: 11, column: 1))
    }

    @Test func directivesCommentsAndDocumentEnds() throws {
        let text =
            "# leading comment\n%YAML 1.1\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n--- # second\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n...\n"
        let r = try load(text)
        #expect(r.cluster.namespaces.map(\.name) == ["a", "b"])
        #expect(r.cluster.namespaces.map { $0.location?.documentIndex } == [0, 1])
        #expect(r.cluster.namespaces.map { $0.location?.line } == [4, 9])
    }

    @Test func documentStartWithContentOnTheMarkerLine() throws {
        let r = try load(
            "--- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n--- {apiVersion: v1, kind: Namespace, metadata: {name: b}}\n")
        #expect(r.cluster.namespaces.map(\.name) == ["a", "b"])
        #expect(r.cluster.namespaces.map { $0.location?.line } == [1, 2])
    }

    static let malformedBetweenGood =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [oops\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n"

    @Test func malformedDocumentFailsWithItsIndexAndLine() throws {
        let errs = errors(Self.malformedBetweenGood)
        let e = try #require(errs.first)
        #expect(errs.count == 1)
        #expect(e.location?.documentIndex == 1)
        #expect(e.location?.file == "test.yaml")
        #expect((7...8).contains(e.location?.line ?? 0))
        #expect(e.message.hasPrefix("malformed YAML"))
    }

    @Test func malformedDocumentIsSkippedWithKeepGoing() throws {
        let r = try load(Self.malformedBetweenGood, keepGoing: true)
        #expect(r.cluster.namespaces.map(\.name) == ["a", "c"])
        #expect(r.skippedObjects == ["document 1 of test.yaml"])
        #expect(r.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("malformed YAML") })
    }

    @Test func emptyAndNullDocumentsAreSkippedSilently() throws {
        let r = try load("---\n---\n~\n---\nnull\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        #expect(!r.diagnostics.contains { $0.location?.file == "test.yaml" })
    }

    @Test func documentThatIsNotAnObjectWarns() throws {
        let r = try load("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\njust: data\n---\n- a\n- b\n")
        let warnings = r.diagnostics.filter { $0.message.contains("not a Kubernetes object") }
        #expect(warnings.map { $0.location?.line } == [5, 7])
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func fileWithoutKubernetesObjectsIsSkippedWithOneWarning() throws {
        let r = try load([
            ("connlist_output.json", "[{\"src\": \"a\", \"dst\": \"b\", \"conn\": \"All Connections\"}]"),
            ("notes.yaml", "title: hello\n---\nother: doc\n"),
            ("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"),
        ])
        let skipped = r.diagnostics.filter { $0.message.contains("holds no Kubernetes object") }
        #expect(skipped.map { $0.location?.file } == ["connlist_output.json", "notes.yaml"])
        #expect(r.cluster.namespaces.count == 1)
    }

    @Test func listItemsAreFlattenedWithTheirPaths() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: a}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: c}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: p, namespace: a}
              spec:
                ingress: [{from: [{}]}]
            """
        let errs = errors(text)
        let e = try #require(errs.first)
        #expect(e.fieldPath == "items[2].spec.ingress[0].from[0]")
        #expect(e.location?.line == 14)
        #expect(e.object == "NetworkPolicy a/p")
        let r = try load(text, keepGoing: true)
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        #expect(r.skippedKinds == ["ConfigMap": 1])
        #expect(r.skippedObjects == ["NetworkPolicy a/p (test.yaml:10:3)"])
    }

    @Test func typedListItemsInheritKindAndAPIVersion() throws {
        let text = """
            {"apiVersion": "v1", "kind": "NamespaceList", "items": [
              {"metadata": {"name": "a", "labels": {"team": "x"}}},
              {"metadata": {"name": "b"}}
            ]}
            """
        let r = try load(text, name: "ns.json")
        #expect(r.cluster.namespaces.map(\.name) == ["a", "b"])
        #expect(r.cluster.namespaces[0].labels == ["team": "x", "kubernetes.io/metadata.name": "a"])
        #expect(r.cluster.namespaces.map { $0.location?.line } == [2, 3])
    }

    /// What `kubectl get pods,deploy -o yaml` prints: a List with status fields.
    @Test func kubectlListWithStatus() throws {
        let text = """
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web-7d4b9c-x2x
                namespace: shop
                labels: {app: web, pod-template-hash: 7d4b9c}
                ownerReferences:
                - apiVersion: apps/v1
                  blockOwnerDeletion: true
                  controller: true
                  kind: ReplicaSet
                  name: web-7d4b9c
                  uid: 0b5c
              spec:
                containers:
                - image: nginx
                  name: web
                  ports: [{containerPort: 80, name: http, protocol: TCP}]
              status:
                phase: Running
                podIP: 10.244.0.5
                podIPs:
                - ip: 10.244.0.5
                - ip: fd00:10:244::5
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web, namespace: shop, generation: 3}
              spec:
                replicas: 1
                template:
                  metadata: {labels: {app: web}}
              status: {availableReplicas: 1}
            kind: List
            metadata:
              resourceVersion: ""
            """
        let r = try load(text)
        let pod = try #require(r.cluster.pods.first { $0.name == "web-7d4b9c-x2x" })
        #expect(pod.ips.map(\.description) == ["10.244.0.5", "fd00:10:244::5"])
        #expect(pod.workload.description == "shop/web-7d4b9c[ReplicaSet]")
        #expect(pod.ports == [ContainerPort(name: "http", port: 80)])
        // The Deployment has no real pod folded into it (its ReplicaSet is not loaded).
        #expect(r.cluster.pods.map(\.workload.description).sorted() == ["shop/web-7d4b9c[ReplicaSet]", "shop/web[Deployment]"])
    }

    @Test func jsonHasLineNumbers() throws {
        let text =
            "{\n  \"apiVersion\": \"networking.k8s.io/v1\",\n  \"kind\": \"NetworkPolicy\",\n  \"metadata\": {\"name\": \"p\", \"namespace\": \"a\"},\n  \"spec\": {\n    \"ingress\": [{\"ports\": [{\"port\": \"80\"}]}]\n  }\n}\n"
        let e = try #require(errors(text, name: "p.json").first)
        #expect(e.fieldPath == "spec.ingress[0].ports[0].port")
        #expect(e.location?.line == 6)
        #expect(e.message.contains("invalid named port"))
    }

    /// libyaml refuses surrogate-pair escapes; Foundation's parser reads the file instead.
    @Test func jsonThatLibyamlRefusesFallsBackToFoundation() throws {
        let text =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "a", "annotations": {"x": "\ud83d\ude00"}, "labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 80, "name": "http"}]}]}, "status": {"podIP": "10.0.0.1"}}"#
        let r = try load(text, name: "pod.json")
        let pod = try #require(r.cluster.pods.first)
        #expect(pod.labels == ["app": "web"])
        #expect(pod.ports == [ContainerPort(name: "http", port: 80)])
        #expect(pod.ips.map(\.description) == ["10.0.0.1"])
        #expect(r.diagnostics.contains { $0.severity == .note && $0.message.contains("JSON parser") })
    }

    @Test func jsonFallbackKeepsStringsAndNumbersApart() throws {
        let text =
            #"{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p", "namespace": "a", "annotations": {"x": "\ud83d\ude00"}}, "spec": {"ingress": [{"ports": [{"port": "80"}]}]}}"#
        let e = try #require(errors(text, name: "p.json").first)
        #expect(e.fieldPath == "spec.ingress[0].ports[0].port")
        #expect(e.location?.line == nil)
    }

    @Test func invalidUTF8IsAnErrorNamingTheFile() throws {
        do {
            _ = try ManifestLoader.load([ManifestSource(name: "bin.yaml", bytes: [0xff, 0xfe, 0x00, 0x41])])
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostics.first?.message.contains("UTF-8") == true)
            #expect(error.diagnostics.first?.location?.file == "bin.yaml")
        }
    }

    @Test func mergeKeysAreApplied() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: a
              labels:
                <<: {app: web, tier: front}
                tier: back
            spec:
              containers:
              - <<: &c {name: c, ports: [{containerPort: 80}]}
            """
        let pod = try #require(try load(text).cluster.pods.first)
        #expect(pod.labels == ["app": "web", "tier": "back"])
        #expect(pod.ports == [ContainerPort(port: 80)])
    }
}
