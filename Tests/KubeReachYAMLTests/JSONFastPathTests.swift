import Foundation
import KubeReachCore
import KubeReachSynthetic
import Testing
import Yams

@testable import KubeReachYAML

/// The JSON fast reader against the general one (libyaml, then Foundation): on every input
/// the two loads must be identical — cluster, diagnostics (file, document, field path, line
/// and column), skipped kinds and objects — whether the fast reader takes the input or
/// hands it back. Inputs: seeded realistic dumps, the bad-input corpus, hundreds of seeded
/// mutations of a dump, and dumps whose skipped fields hold values of the wrong type.
@Suite struct JSONFastPathTests {
    /// Everything a load gives, comparable.
    struct Load: Equatable {
        var namespaces: [Namespace] = [], pods: [Pod] = [], policies: [NetworkPolicy] = [], services: [Service] = []
        var adminPolicies: [AdminNetworkPolicy] = [], nodes: [ClusterNode] = []
        var diagnostics: [Diagnostic] = [], skippedKinds: [String: Int] = [:], skippedObjects: [String] = []
        var failure: [Diagnostic]? = nil

        init(_ sources: [ManifestSource], fast: Bool, keepGoing: Bool = false, chunks: Int? = nil) {
            var options = LoadOptions(keepGoing: keepGoing)
            options.jsonFastPath = fast
            options.jsonChunks = chunks
            self.init(sources, options: options)
        }

        init(_ sources: [ManifestSource], options: LoadOptions) {
            do {
                let r = try ManifestLoader.load(sources, options: options)
                (namespaces, pods, policies, services) = (r.cluster.namespaces, r.cluster.pods, r.cluster.policies, r.cluster.services)
                (adminPolicies, nodes) = (r.cluster.adminPolicies, r.cluster.nodes)
                (diagnostics, skippedKinds, skippedObjects) = (r.diagnostics, r.skippedKinds, r.skippedObjects)
            } catch {
                failure = error.diagnostics
            }
        }
    }

    static func expectSame(_ sources: [ManifestSource], keepGoing: Bool = false, _ what: String) {
        let general = Load(sources, fast: false, keepGoing: keepGoing), fast = Load(sources, fast: true, keepGoing: keepGoing)
        #expect(fast == general, "\(what): the fast reader's load differs")
        if fast != general {
            print("general: \(general.failure ?? general.diagnostics)\nfast:    \(fast.failure ?? fast.diagnostics)")
        }
    }

    static func dump(seed: UInt64, pods: Int = 12) -> String {
        RealisticObjects(size: .init(pods: pods, namespaces: 3, policies: 8), seed: seed).text(.json)
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func realisticDumpsLoadIdentically(seed: UInt64) throws {
        let text = Self.dump(seed: seed)
        let source = ManifestSource(name: "dump.json", bytes: Array(text.utf8))
        // The fast reader really takes it (not a silent hand-back)...
        #expect(JSONFastPath.read(source.storage, file: source.name, defaultNamespace: "default") != nil)
        Self.expectSame([source], "seed \(seed)")
        // ... also as kubectl output (no .json name), with CRLF line breaks and a BOM.
        let crlf = [0xEF, 0xBB, 0xBF] + Array(text.replacing("\n", with: "\r\n").utf8)
        #expect(JSONFastPath.read(SourceBytes(crlf), file: "kubectl get pods", defaultNamespace: "default") != nil)
        Self.expectSame([ManifestSource(name: "kubectl get pods", bytes: crlf)], "seed \(seed), CRLF and BOM")
        // ... and once per object, as separate JSON files (fingerprints: duplicates merge alike).
        let single = ManifestSource(name: "one.json", bytes: Array(text.utf8))
        Self.expectSame([single, source], "seed \(seed), loaded twice")
    }

    /// Every corpus file, as itself and (when it is YAML) as nothing else: the fast reader
    /// only takes text that starts with `{`, and must agree on those.
    @Test func corpusLoadsIdentically() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CorpusTests.directory.path).sorted()
        var taken = 0
        for name in files where !name.hasSuffix(".md") {
            guard let data = FileManager.default.contents(atPath: CorpusTests.directory.appendingPathComponent(name).path) else { continue }
            let source = ManifestSource(name: name, bytes: Array(data))
            if JSONFastPath.applies(to: source.bytes) { taken += 1 }
            Self.expectSame([source], name)
            Self.expectSame([source], keepGoing: true, "\(name) --keep-going")
        }
        #expect(taken >= 3)
    }

    static let tokens = [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\/", "\\ud83d\\ude00", "\\u0041", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}",
        "\u{FEFF}",
        "é", "\r", "#", "1e400", "-0", "01", "null", "true", "\"podIP\": \"10.0.0.300\"", "\"name\": \"x\", ", "\"kind\": \"PodList\"",
        "\"items\": 5, ", "\"containerPort\": \"80\"", "\"labels\": [], ",
    ]

    static let mutations = Int(ProcessInfo.processInfo.environment["KUBEREACH_FUZZ_ITERATIONS"] ?? "") ?? 200

    /// Seeded random mutations of a small dump: both readers agree on each (most are
    /// handed back, many are still valid and taken).
    @Test func mutatedDumpsLoadIdentically() {
        let text = Array(Self.dump(seed: 3, pods: 2).utf8)
        var rng = SplitMix64(seed: 19_2026)
        var taken = 0
        for i in 0..<Self.mutations {
            var bytes = text
            for _ in 0..<(1 + rng.below(3)) {
                let at = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes.insert(contentsOf: Array(rng.pick(Self.tokens).utf8), at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(12)))
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            if JSONFastPath.read(SourceBytes(bytes), file: "m.json", defaultNamespace: "default") != nil { taken += 1 }
            Self.expectSame([ManifestSource(name: "m\(i).json", bytes: bytes)], keepGoing: rng.chance(0.5), "mutation \(i)")
        }
        #expect(taken > Self.mutations / 10, "the fast reader took \(taken) of \(Self.mutations) mutations")
    }

    /// The skip table's guard: every field the fast reader skips is filled with a value of
    /// the wrong type. A decoder that reads one of them reports it in the general load only.
    @Test func skippedFieldsAreNeverRead() throws {
        var text = Self.dump(seed: 5)
        for key in ["managedFields", "conditions", "containerStatuses", "env", "livenessProbe", "resources", "hostIP"] {
            for open in ["[", "{"] { text = text.replacing("\"\(key)\": \(open)", with: "\"\(key)\": 7, \"x-\(key)\": \(open)") }
        }
        #expect(text.contains("\"managedFields\": 7"))
        #expect(JSONFastPath.read(SourceBytes(Array(text.utf8)), file: "odd.json", defaultNamespace: "default") != nil)
        Self.expectSame([ManifestSource(name: "odd.json", bytes: Array(text.utf8))], "skipped fields of the wrong type")
    }

    /// Typed lists (items inherit the kind), a List whose kind comes after its items (as
    /// kubectl prints it), an object with an `items` field that is no List, and the same
    /// object in YAML and in JSON (the fingerprints agree across readers: one object).
    @Test(arguments: [
        #"{"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "a", "namespace": "n", "managedFields": [{"x": 1}]}, "status": {"podIP": "10.0.0.1", "conditions": []}}]}"#,
        #"{"apiVersion": "v1", "items": [{"metadata": {"name": "b", "namespace": "n"}, "spec": {"containers": [{"name": "m", "ports": [{"containerPort": "80"}]}]}}], "kind": "PodList"}"#,
        #"{"apiVersion": "v1", "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b", "namespace": "n"}}, 7], "kind": "List", "metadata": {"labels": 3}}"#,
        #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "items": [1, {"a": 2}]}"#,
        #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "n", "annotations": {"a": "b"}}, "status": {"podIP": "10.0.0.9", "phase": "Running"}}"#,
        #"{"apiVersion": "v1", "kind": "Pod", "items": [1], "metadata": {"name": "p", "namespace": "n", "annotations": {"a": "b"}}, "status": {"podIP": "10.0.0.9", "phase": "Running"}}"#,
    ])
    func listsAndObjectsAgree(text: String) {
        #expect(JSONFastPath.read(SourceBytes(Array(text.utf8)), file: "x.json", defaultNamespace: "default") != nil)
        Self.expectSame([ManifestSource(name: "x.json", bytes: Array(text.utf8))], text)
        Self.expectSame([ManifestSource(name: "x.json", bytes: Array(text.utf8))], keepGoing: true, text)
        // After the same pod in YAML, without and with an `items` field of its own.
        for items in ["", "items: [1]\n"] {
            let yaml =
                "apiVersion: v1\nkind: Pod\n\(items)metadata: {name: p, namespace: n, annotations: {a: b}}\nstatus: {podIP: 10.0.0.9, phase: Running}\n"
            Self.expectSame(
                [ManifestSource(name: "p.yaml", bytes: Array(yaml.utf8)), ManifestSource(name: "x.json", bytes: Array(text.utf8))],
                "\(text) after \(yaml)")
        }
    }

    /// Duplicate keys are refused, located, as the general reader refuses them.
    @Test func duplicateKeysAreHandedBack() throws {
        let text = #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "name": "b"}}"#
        #expect(JSONFastPath.read(SourceBytes(Array(text.utf8)), file: "d.json", defaultNamespace: "default") == nil)
        let failure = Load([ManifestSource(name: "d.json", bytes: Array(text.utf8))], fast: true).failure
        #expect(failure?.first?.message.contains("duplicate key 'name'") == true)
        #expect(failure?.first?.fieldPath == "metadata.name")
    }

    /// The memory bound's regression check: what the fast reader builds of a realistic pod
    /// holds none of the skipped subtrees and is a small part of the whole.
    @Test func skippedSubtreesAreNeverBuilt() throws {
        let text = Self.dump(seed: 2, pods: 4)
        let full = try #require(try Yams.compose(yaml: text))
        let pod = try #require(full["items"]?.sequence?.first { $0["kind"]?.string == "Pod" })
        let podText = try #require(
            String(
                data: try JSONSerialization.data(
                    withJSONObject: try Yams.load(yaml: Yams.serialize(node: pod)) as Any, options: [.withoutEscapingSlashes]),
                encoding: .utf8))
        let built: Node? = Array(podText.utf8).withUnsafeBufferPointer { buffer in
            var builder = JSONTreeBuilder(cursor: JSONCursor(bytes: buffer))
            var h = Hasher()
            return try? builder.value(.object, depth: 1, into: &h)
        }
        let node = try #require(built)
        func at(_ node: Node?, _ keys: String...) -> Node? {
            keys.reduce(node) { n, key in
                guard case .mapping(let m)? = n else { return nil }
                return m.first { $0.key.string == key }?.value
            }
        }
        let container = at(node, "spec", "containers")?.sequence?.first
        // Annotations are kept (lint, Pod Security and Secrets read them); managedFields are not.
        #expect(at(node, "metadata", "managedFields") == nil && at(node, "metadata", "annotations") != nil)
        #expect(at(node, "metadata", "labels") != nil && at(node, "metadata", "ownerReferences") != nil)
        #expect(at(node, "status", "conditions") == nil && at(node, "status", "podIP") != nil)
        #expect(at(container, "env") == nil && at(container, "resources") == nil && at(container, "ports") != nil)
        #expect(Self.count(node) * 2 < Self.count(pod), "the kept tree is \(Self.count(node)) of \(Self.count(pod)) nodes")
    }

    /// Annotations are built (decoders read them) except kubectl's last-applied copy.
    @Test func annotationsAreKeptButTheLastAppliedCopy() throws {
        let text =
            #"{"metadata": {"name": "s", "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "big", "kubernetes.io/service-account.name": "api"}}}"#
        let built: Node? = Array(text.utf8).withUnsafeBufferPointer { buffer in
            var builder = JSONTreeBuilder(cursor: JSONCursor(bytes: buffer))
            var h = Hasher()
            return try? builder.value(.object, depth: 1, into: &h)
        }
        func value(_ node: Node?, _ key: String) -> Node? {
            guard case .mapping(let m)? = node else { return nil }
            return m.first { $0.key.string == key }?.value
        }
        guard case .mapping(let annotations)? = value(value(built, "metadata"), "annotations") else {
            Issue.record("no annotations built")
            return
        }
        #expect(annotations.map(\.key.string) == ["kubernetes.io/service-account.name"])
    }

    static func count(_ node: Node) -> Int {
        switch node {
        case .scalar, .alias: 1
        case .sequence(let s): 1 + s.reduce(0) { $0 + count($1) }
        case .mapping(let m): 1 + m.reduce(0) { $0 + 1 + count($1.value) }
        }
    }

    @Test func marksCanBeMade() {
        #expect(YamsMark.available)
        #expect(YamsMark.make(line: 12, column: 5).description == "12:5")
    }
}
