import KubeReachCore
import KubeReachYAML
import Testing

/// Issue 20 (hostile review), points 8, 12 and the loader items of 13: JSON duplicate keys,
/// label values, YAML 1.1 scalars as kubectl reads them, NetworkPolicy versions and kind
/// case, other encodings. The corpus holds one file per case; these pin the details.
@Suite struct JSONDuplicateKeyTests {
    static let policy = """
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "p", "namespace": "n", "labels": {"a": "1", "\\u0061": "2"}},
         "spec": {"podSelector": {}}}
        """

    @Test func aDuplicateIsRefusedAtTheSecondKeyWithItsPath() {
        let e = errors(Self.policy, name: "p.json")
        let d = e.first
        #expect(e.count == 1)
        #expect(d?.message.contains("duplicate key 'a' in a JSON object (first at line 2:57)") == true, "\(e)")
        #expect(d?.fieldPath == "metadata.labels.a")
        #expect(d?.location == SourceLocation(file: "p.json", documentIndex: 0, line: 2, column: 67))
    }

    @Test func aDuplicateInAYAMLStreamIsLocatedInItsDocument() {
        let stream = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n" + Self.policy
        let d = errors(stream).first
        #expect(d?.location?.line == 6 && d?.location?.documentIndex == 1, "\(String(describing: d))")
    }

    @Test func theFallbackParserNeverKeepsOneOfTwoKeys() {
        // A surrogate pair makes libyaml refuse the document; Foundation's parser would read it.
        let text =
            #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "name": "b", "annotations": {"x": "\ud83d\ude00"}}}"#
        #expect(errors(text, name: "ns.json").first?.fieldPath == "metadata.name")
        let clean = #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "annotations": {"x": "\ud83d\ude00"}}}"#
        #expect(errors(clean, name: "ns.json").isEmpty)
    }

    /// YAML duplicates get the same location and path (libyaml's event stream, walked only
    /// once Yams has refused the document).
    @Test func aYAMLDuplicateIsLocatedWithItsPathToo() {
        let yaml = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: n, labels: &l {a: b}, annotations: *l}
            spec:
              podSelector: {}
              ingress:
              - from: [{podSelector: {}}]
              - from:
                - podSelector: {}
                  "podSelector": {matchLabels: {app: x}}
            """
        let d = errors(yaml).first
        #expect(d?.fieldPath == "spec.ingress[1].from[0].podSelector", "\(String(describing: d))")
        #expect(d?.location?.line == 10 && d?.location?.column == 7)
        #expect(d?.message.hasPrefix("malformed YAML: duplicate key 'podSelector' in a map (first at line 9:7)") == true)
        let tagged = errors("apiVersion: v1\nkind: Namespace\nmetadata: {name: a, !!str x: 1, \"x\": 2}\n").first
        #expect(tagged?.fieldPath == "metadata.x", "\(String(describing: tagged))")
    }

    @Test func equalKeysInDifferentObjectsAreNotDuplicates() {
        let text = #"{"a": {"k": 1}, "b": [{"k": 1}, {"k": 2, "s": "k"}], "k": "a"}"#
        #expect(JSONKeyCheckProbe.duplicate(text) == nil)
        #expect(JSONKeyCheckProbe.duplicate(#"[{"x": 1}, {"y": [{"z": 1, "z": 2}]}]"#) == "data[1].y[0].z")
    }
}

/// `JSONKeyCheck` is internal; a Namespace whose `data` holds the JSON shows its finding.
enum JSONKeyCheckProbe {
    static func duplicate(_ json: String) -> String? {
        let wrapped = "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\"}, \"data\": \(json)}"
        return errors(wrapped, name: "x.json").first { $0.message.contains("duplicate key") }?.fieldPath
    }
}

@Suite struct LabelValueTests {
    @Test(arguments: ["", "a", "A-b_c.9", String(repeating: "x", count: 63)])
    func validValuesLoad(_ value: String) throws {
        let r = try load("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, labels: {app: \"\(value)\"}}\n")
        #expect(r.cluster.pods.first?.labels["app"] == value)
    }

    @Test(arguments: ["-a", "a-", "a b", "a\u{1B}[8m", "a\nb", "a\rb", "caf\u{e9}", String(repeating: "x", count: 64)])
    func invalidValuesAreRefusedOnEveryKind(_ value: String) {
        let quoted = PolicyYAMLQuote.quote(value)
        let objects = [
            ("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, labels: {app: \(quoted)}}\n", "metadata.labels.app"),
            ("apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {app: \(quoted)}}\n", "metadata.labels.app"),
            ("apiVersion: v1\nkind: Node\nmetadata: {name: n, labels: {app: \(quoted)}}\n", "metadata.labels.app"),
            ("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n, labels: {app: \(quoted)}}\n", "metadata.labels.app"),
            ("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\nspec: {selector: {app: \(quoted)}}\n", "spec.selector.app"),
            (
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: n}\nspec:\n  template:\n    metadata: {labels: {app: \(quoted)}}\n",
                "spec.template.metadata.labels.app"
            ),
        ]
        for (yaml, path) in objects {
            let e = errors(yaml)
            #expect(e.contains { $0.fieldPath == path && $0.message.contains("for label 'app'") }, "\(yaml): \(e)")
            #expect(e.allSatisfy { !$0.description.contains("\n") && !$0.description.contains("\u{1B}") })
        }
    }

    @Test func labelsOfKindsWeDoNotReadAreNotChecked() throws {
        let r = try load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n, labels: {app: \"a b\"}}\n")
        #expect(r.diagnostics.allSatisfy { $0.severity != .error })
    }
}

/// A YAML double-quoted scalar (JSON escapes are YAML escapes).
enum PolicyYAMLQuote {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

@Suite struct YAML11ScalarTests {
    static func port(_ text: String) throws -> PolicyPort.Value? {
        let r = try load(policyYAML("  podSelector: {}\n  ingress:\n  - ports: [{port: \(text)}]"))
        return r.cluster.policies.first?.ingress.first?.ports.first?.port
    }

    /// What sigs.k8s.io/yaml (go-yaml v2, Go's `strconv.ParseInt(s, 0, 64)`) sends the API server.
    @Test(arguments: [
        ("0o10", 8), ("0O10", 8), ("010", 8), ("0x50", 80), ("0X50", 80), ("0b1010000", 80), ("1_000", 1000), ("+80", 80), ("8e1", 80),
        ("!!int \"80\"", 80),
    ])
    func integersAsKubectlReadsThem(_ text: String, _ value: Int) throws {
        #expect(try Self.port(text) == .number(value))
    }

    @Test func anExplicitStrTagMakesAString() {
        let e = errors(policyYAML("  podSelector: {}\n  ingress:\n  - ports: [{port: !!str 80}]"))
        #expect(e.first?.message.contains("invalid named port '80'") == true, "\(e)")
        #expect(e.first?.fieldPath == "spec.ingress[0].ports[0].port")
    }

    @Test func anExplicitStrTagOnNullIsTheStringNull() throws {
        let r = try load("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, labels: {app: !!str null}}\n")
        #expect(r.cluster.pods.first?.labels["app"] == "null")
    }
}

@Suite struct KindAndVersionTests {
    static func policy(_ apiVersion: String, kind: String = "NetworkPolicy") -> String {
        "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: p, namespace: n}\nspec: {podSelector: {}}\n"
    }

    @Test func extensionsV1beta1IsEvaluatedWithAWarningAtApiVersion() throws {
        let r = try load(Self.policy("extensions/v1beta1"))
        #expect(r.cluster.policies.count == 1)
        let w = r.diagnostics.first { $0.message.contains("extensions/v1beta1 NetworkPolicy was removed") }
        #expect(w?.severity == .warning && w?.fieldPath == "apiVersion" && w?.location?.line == 1, "\(r.diagnostics)")
    }

    @Test(arguments: ["networking.k8s.io/v1beta1", "networking.k8s.io/v2", "extensions/v1"])
    func versionsNeverServedAreSkippedWithAWarning(_ apiVersion: String) throws {
        let r = try load(Self.policy(apiVersion))
        #expect(r.cluster.policies.isEmpty)
        #expect(
            r.diagnostics.contains { $0.message.contains("\(apiVersion) has no NetworkPolicy") && $0.fieldPath == "apiVersion" },
            "\(r.diagnostics)")
        #expect(
            r.diagnostics.contains {
                $0.message.contains("\(apiVersion) NetworkPolicy object(s) present; kubereach does not evaluate them")
            })
    }

    @Test(arguments: [("networkpolicy", "NetworkPolicy"), ("Networkpolicy", "NetworkPolicy"), ("pod", "Pod"), ("NAMESPACE", "Namespace")])
    func miscasedKindsAreSkippedWithAWarningAtKind(_ kind: String, _ meant: String) throws {
        let r = try load(Self.policy(kind == "pod" ? "v1" : kind == "NAMESPACE" ? "v1" : "networking.k8s.io/v1", kind: kind))
        #expect(r.cluster.policies.isEmpty && r.cluster.pods.isEmpty)
        let w = r.diagnostics.first { $0.message.contains("kind '\(kind)' is not a Kubernetes kind") }
        #expect(
            w?.message.contains("did you mean '\(meant)'?") == true && w?.fieldPath == "kind" && w?.location?.line == 2, "\(r.diagnostics)")
    }

    @Test func networkingV1IsReadWithoutAWarning() throws {
        let r = try load(Self.policy("networking.k8s.io/v1"))
        #expect(r.cluster.policies.count == 1)
        #expect(!r.diagnostics.contains { $0.fieldPath == "apiVersion" || $0.fieldPath == "kind" })
    }
}

@Suite struct EncodingTests {
    static let text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"

    static func utf16(_ s: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in s.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    static func message(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ManifestLoader.load([ManifestSource(name: "f.yaml", bytes: bytes)])
            return nil
        } catch {
            return error.diagnostics.first?.message
        }
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func utf16IsNamedWithTheConversion(_ bigEndian: Bool, _ bom: Bool) {
        #expect(
            Self.message(Self.utf16(Self.text, bigEndian: bigEndian, bom: bom))
                == "the file looks UTF-16 encoded; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
    }

    @Test func utf32IsNamedToo() {
        let le = Self.text.unicodeScalars.flatMap { u in [UInt8(u.value & 0xFF), 0, 0, 0] }
        #expect(Self.message([0xFF, 0xFE, 0, 0] + le) == "the file looks UTF-32 encoded; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)")
        #expect(Self.message(le)?.contains("UTF-32") == true)
    }

    @Test func aFewNULBytesInUTF8AreStillAYAMLError() {
        #expect(Self.message(Array("apiVersion: v1\n\0kind: Namespace\n".utf8))?.contains("control characters") == true)
        #expect(Self.message(Array("a\0".utf8))?.contains("UTF-16") != true)
    }
}
