import Foundation
import KubeReachCore
import KubeReachYAML
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The bad-input corpus (`Tests/Corpus`, see its README): one small file per hostile or
/// malformed input, each loaded as `kubereach list FILE` would (no keepGoing) and checked
/// against the outcome in `cases`. Every file must have a row and every row a file.
@Suite struct CorpusTests {
    enum Outcome: Sendable {
        /// Refused, with an error containing `message` at the field path and line given.
        case refused(_ message: String, path: String? = nil, line: Int? = nil)
        /// Loaded with `objects` objects (declared namespaces, pods, services, policies), and
        /// a warning containing `warning` when given (nil: no warning about the file itself).
        case loaded(objects: Int, warning: String? = nil)
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus").standardized

    /// file → expected outcome; a few words on why where the outcome is not obvious.
    static let cases: KeyValuePairs<String, Outcome> = [
        // Syntax and encoding.
        "malformed-unclosed-flow.yaml": .refused("malformed YAML: did not find expected ',' or ']'", line: 4),
        "malformed-bad-indent.yaml": .refused("malformed YAML: did not find expected key", line: 5),
        "malformed-tab-indent.yaml": .refused("malformed YAML: found character that cannot start any token", line: 4),
        // The classic billion laughs (9^9 strings) in a kind we do not read: never expanded.
        "billion-laughs-skipped-kind.yaml": .loaded(objects: 0),
        // ... and where it is read: the first level is wrong, the rest never visited.
        "billion-laughs-in-values.yaml": .refused("expected a string", path: "spec.podSelector.matchExpressions[0].values[0]", line: 11),
        // Found by libFuzzer (a timeout): a key that is an alias of a nested collection made
        // Yams hash billions of nodes in its duplicate-key check, before any budget applies.
        "fuzz-timeout-mutated-laughs.yaml": .refused("a map key is a YAML alias of a collection", line: 14),
        "fuzz-alias-key-explicit.yaml": .refused("a map key is a YAML alias of a collection", line: 13),
        "fuzz-alias-key-implicit.yaml": .refused("a map key is a YAML alias of a collection", line: 13),
        "fuzz-alias-key-flow.yaml": .refused("a map key is a YAML alias of a collection", line: 13),
        "alias-of-scalar-key.yaml": .loaded(objects: 1),
        "deep-flow-500.yaml": .loaded(objects: 1),
        "deep-flow-513.yaml": .refused("document nested deeper than 512 levels", line: 1),
        "deep-block-900.yaml": .loaded(objects: 1),
        "deep-block-sequence.yaml": .refused("nested deeper than the YAML parser allows (1000 levels)"),
        "invalid-utf8-in-comment.yaml": .refused("not valid UTF-8 text"),
        "invalid-utf8-overlong.yaml": .refused("not valid UTF-8 text"),
        "invalid-utf8-surrogate.yaml": .refused("not valid UTF-8 text"),
        "invalid-utf8-truncated.yaml": .refused("not valid UTF-8 text"),
        "binary.png": .refused("not valid UTF-8 text"),
        "nul-bytes.yaml": .refused("malformed YAML: control characters are not allowed", line: 2),
        "empty.yaml": .loaded(objects: 0),
        "only-comments.yaml": .loaded(objects: 0),
        "only-markers.yaml": .loaded(objects: 0),
        // libyaml (like go-yaml) refuses a tab where indentation could start, even on a blank line.
        "whitespace-only.yaml": .refused("malformed YAML: found character that cannot start any token", line: 2),
        "scalar-document.yaml": .loaded(objects: 0, warning: "holds no Kubernetes object: file skipped"),
        "sequence-document.yaml": .loaded(objects: 0, warning: "holds no Kubernetes object: file skipped"),
        "list-items-map.yaml": .refused("expected a list", path: "items", line: 3),
        "list-items-scalar.yaml": .refused("expected a list", path: "items", line: 3),
        "list-item-scalar.yaml": .refused("not a Kubernetes object", path: "items[1]", line: 7),
        "json-with-bom.json": .loaded(objects: 1),
        "crlf.yaml": .loaded(objects: 1),
        "cr-only.yaml": .loaded(objects: 1),
        // The API server refuses duplicate keys too; located at the second key, with its path.
        "duplicate-keys.yaml": .refused(
            "malformed YAML: duplicate key 'name' in a map (first at line 4:3)", path: "metadata.name", line: 5),
        "duplicate-label-keys.yaml": .refused(
            "malformed YAML: duplicate key 'team' in a map (first at line 5:12)", path: "metadata.labels.team", line: 5),
        // JSON too (issue 20): Foundation's fallback parser would keep one of the two silently.
        "json-duplicate-keys.json": .refused(
            "duplicate key 'podSelector' in a JSON object (first at line 6:5)", path: "spec.podSelector", line: 7),
        "json-duplicate-keys-fallback.json": .refused(
            "duplicate key 'cidr' in a JSON object", path: "spec.ingress[0].from[0].ipBlock.cidr", line: 7),
        // Other encodings than UTF-8 are named, with the command that converts them.
        "utf16le-bom.yaml": .refused("the file looks UTF-16 encoded; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)", line: 1),
        "utf16be-bom.yaml": .refused("the file looks UTF-16 encoded; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)", line: 1),
        "utf16le-no-bom.yaml": .refused("the file looks UTF-16 encoded; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)", line: 1),
        "utf32le-bom.yaml": .refused("the file looks UTF-32 encoded; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)", line: 1),
        // YAML 1.1 as kubectl reads it (go-yaml v2 and Go's ParseInt): 0o10 and 010 are 8;
        // `!!str 80` is the string "80", which is not a valid port name.
        "port-yaml11-octal.yaml": .loaded(objects: 1),
        "port-tagged-str.yaml": .refused("invalid named port '80'", path: "spec.ingress[0].ports[0].port", line: 8),
        // Kinds and versions the API server would refuse: skipped or read, never silently.
        "networkpolicy-v1beta1.yaml": .loaded(objects: 0, warning: "networking.k8s.io/v1beta1 has no NetworkPolicy"),
        "networkpolicy-extensions-v1beta1.yaml": .loaded(
            objects: 1, warning: "extensions/v1beta1 NetworkPolicy was removed in Kubernetes 1.16"),
        "kind-lowercase-networkpolicy.yaml": .loaded(
            objects: 0, warning: "kind 'networkpolicy' is not a Kubernetes kind (kinds are case-sensitive; did you mean 'NetworkPolicy'?)"),
        // Defaulted like an absent list (PolicyDecodingTests checks the types; lint says so).
        "policy-types-empty.yaml": .loaded(objects: 1),
        // Fields and types. Unknown fields are ignored with a warning (kubectl's strict
        // validation refuses them), with the known field they were probably meant to be.
        "unknown-fields.yaml": .loaded(
            objects: 1, warning: "unknown field 'ingres' is ignored (the API server refuses it); did you mean 'ingress'?"),
        "wrong-type-port-list.yaml": .refused("expected a port number or name", path: "spec.ingress[0].ports[0].port", line: 5),
        "wrong-type-podselector-string.yaml": .refused("a label selector must be a map", path: "spec.podSelector", line: 5),
        "wrong-type-ingress-map.yaml": .refused("expected a list", path: "spec.ingress", line: 5),
        "wrong-type-metadata-list.yaml": .refused("expected a map", path: "metadata", line: 3),
        "wrong-type-kind-map.yaml": .loaded(objects: 0, warning: "holds no Kubernetes object: file skipped"),
        "port-zero.yaml": .refused("port 0 is outside 1-65535", path: "spec.ingress[0].ports[0].port", line: 5),
        "port-65536.yaml": .refused("port 65536 is outside 1-65535", path: "spec.ingress[0].ports[0].port"),
        "port-negative-hex.yaml": .refused("port -80 is outside 1-65535", path: "spec.ingress[0].ports[0].port"),
        "endport-below-port.yaml": .refused("endPort 80 must be between port 8080 and 65535", path: "spec.ingress[0].ports[0].endPort"),
        "endport-65536.yaml": .refused("endPort 65536 must be between port 80 and 65535", path: "spec.ingress[0].ports[0].endPort"),
        "anp-priority-1001.yaml": .refused("priority 1001 is outside 0-1000", path: "spec.priority", line: 5),
        "anp-priority-negative.yaml": .refused("priority -1 is outside 0-1000", path: "spec.priority"),
        "anp-priority-1000.yaml": .loaded(objects: 1),
        "cnp-range-start-equals-end.yaml": .refused(
            "range start 80 must be less than end 80", path: "spec.ingress[0].protocols[0].tcp.destinationPort.range"),
        "cnp-unknown-peer-fails-closed.yaml": .loaded(objects: 1, warning: "read as Deny of all traffic"),
        "cnp-tier-missing.yaml": .refused("spec.tier is required", path: "spec.tier"),
        // CIDRs.
        "cidr-slash-0.yaml": .loaded(objects: 1),
        "cidr-slash-32.yaml": .loaded(objects: 1),
        "cidr-slash-128.yaml": .loaded(objects: 1),
        // Read as the IPv6 address it is, so it matches no IPv4 pod: a warning says so.
        "cidr-ipv4-mapped.yaml": .loaded(
            objects: 1, warning: "IPv4-mapped IPv6 address: it is read as IPv6 and matches no IPv4 address (for IPv4, write 10.0.0.1/32)"),
        "cidr-host-bits.yaml": .loaded(objects: 1, warning: "10.1.2.3/8 has host bits set; it is read as 10.0.0.0/8"),
        "cidr-prefix-33.yaml": .refused(
            "invalid CIDR '10.0.0.0/33': invalid prefix length '33'", path: "spec.ingress[0].from[0].ipBlock.cidr"),
        "cidr-ipv6-prefix-129.yaml": .refused("invalid CIDR '::/129': invalid prefix length '129'"),
        "cidr-octet-256.yaml": .refused("invalid CIDR '10.0.0.256/8': invalid address '10.0.0.256'"),
        "cidr-empty.yaml": .refused("invalid CIDR '': missing /prefix", path: "spec.ingress[0].from[0].ipBlock.cidr"),
        "cidr-no-prefix.yaml": .refused("invalid CIDR '10.0.0.0': missing /prefix"),
        // Leading zeros are decimal, as the API server's legacy parser reads them.
        "cidr-leading-zeros.yaml": .loaded(objects: 1),
        "cidr-except-outside.yaml": .refused(
            "except 11.0.0.0/8 is not inside cidr 10.0.0.0/8", path: "spec.ingress[0].from[0].ipBlock.except[0]"),
        // Selector keys and values.
        "selector-value-space.yaml": .refused("invalid label value 'a b'", path: "spec.podSelector.matchLabels.app"),
        "selector-value-slash.yaml": .refused("invalid label value 'a/b'", path: "spec.podSelector.matchLabels.app"),
        "selector-value-63.yaml": .loaded(objects: 1),
        "selector-value-64.yaml": .refused("a label value must be at most 63 characters", path: "spec.podSelector.matchLabels.app"),
        "selector-value-unicode.yaml": .refused("invalid label value 'caf\u{e9}'", path: "spec.podSelector.matchLabels.app"),
        "selector-value-empty.yaml": .loaded(objects: 1),
        "selector-value-number.yaml": .loaded(objects: 1),
        "selector-key-prefixed.yaml": .loaded(objects: 1),
        "selector-key-two-slashes.yaml": .refused("a label key may contain at most one '/'", path: "spec.podSelector.matchLabels.a/b/c"),
        // Label values on every object are validated as the API server does (issue 20: a
        // value with \r, \n and ESC[8m forged a line of `explain`).
        "pod-label-value-odd.yaml": .refused("invalid value \"a|b\" for label 'app'", path: "metadata.labels.app", line: 3),
        "pod-label-value-forged.yaml": .refused(
            "for label 'app': a label value must be empty or consist of", path: "metadata.labels.app", line: 3),
        "template-label-value-forged.yaml": .refused("for label 'tier'", path: "spec.template.metadata.labels.tier", line: 8),
        "namespace-label-value-64.yaml": .refused("a label value must be at most 63 characters", path: "metadata.labels.team", line: 6),
        "node-label-value-space.yaml": .refused("invalid value \"eu west\" for label 'zone'", path: "metadata.labels.zone", line: 5),
        // Names that would break DOT, CSV or Markdown lines are refused.
        "name-quote.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name", line: 3),
        "name-comma.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name"),
        "name-pipe.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name"),
        "name-newline.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name"),
        "name-unicode.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name"),
        "namespace-dot.yaml": .refused("invalid namespace: must be a DNS label", path: "metadata.namespace"),
        "policy-name-pipe.yaml": .refused("invalid name: must be a DNS subdomain", path: "metadata.name"),
        "policy-name-underscore.yaml": .loaded(objects: 1, warning: "invalid name (the API server would refuse it)"),
        // The controller's name and kind become the workload's name in every output line.
        "owner-name-breaks-lines.yaml": .refused(
            "invalid owner name: must be a DNS subdomain", path: "metadata.ownerReferences[0].name", line: 6),
        "owner-kind-breaks-lines.yaml": .refused("invalid owner kind", path: "metadata.ownerReferences[0].kind", line: 6),
        // Paths that cannot be read are errors naming them, never skipped (issue 20). FIFOs,
        // links to devices, names that are not UTF-8 and unreadable directories are made at
        // run time (`UnreadablePathTests`; git trees with quoted names: `DiffCommandTests`).
        "link-dangling.yaml": .refused("a symbolic link to 'no-such-file.yaml', which does not exist"),
        "link-loop.yaml": .refused("a symbolic link loop"),
        "link-loop-a.yaml": .refused("a symbolic link loop"),
        "link-loop-b.yaml": .refused("a symbolic link loop"),
    ]

    @Test func everyFileHasACaseAndEveryCaseAFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0 != "README.md" }
        #expect(Set(files) == Set(Self.cases.map(\.key)))
        #expect(Set(Self.cases.map(\.key)).count == Self.cases.count, "a file is listed twice")
    }

    @Test(arguments: cases.indices)
    func corpusFile(_ i: Int) throws {
        let (file, outcome) = Self.cases[i]
        let clock = ContinuousClock()
        let started = clock.now
        var diagnostics: [Diagnostic] = []
        // Read as `kubereach list FILE` reads it, named by its corpus name.
        let gathered = ManifestFiles.gather([Array(Self.directory.appendingPathComponent(file).path.utf8)])
        let sources = gathered.sources.map { ManifestSource(name: file, bytes: $0.bytes) }
        let problems = gathered.problems.map { d in Diagnostic(d.severity, d.message, location: SourceLocation(file: file)) }
        switch Result(catching: { () throws(LoadFailure) in
            if !problems.isEmpty { throw LoadFailure(diagnostics: problems) }
            return try ManifestLoader.load(sources)
        }) {
        case .success(let r):
            diagnostics = r.diagnostics
            guard case .loaded(let objects, let warning) = outcome else {
                Issue.record("\(file): loaded, expected \(outcome)")
                break
            }
            let c = r.cluster
            let count = c.namespaces.filter(\.declared).count + c.pods.count + c.services.count + c.policies.count + c.adminPolicies.count
            #expect(count == objects, "\(file): \(count) objects")
            let own = r.diagnostics.filter { $0.location?.file == file && $0.severity != .note }
            if let warning {
                #expect(own.contains { $0.message.contains(warning) }, "\(file): \(own.map(\.message))")
            } else {
                #expect(own.isEmpty, "\(file): unexpected \(own.map(\.description))")
            }
        case .failure(let failure):
            diagnostics = failure.diagnostics
            guard case .refused(let message, let path, let line) = outcome else {
                Issue.record("\(file): refused with \(failure.diagnostics.map(\.description))")
                break
            }
            let first = failure.diagnostics.first { $0.message.contains(message) }
            #expect(first != nil, "\(file): \(failure.diagnostics.map(\.description))")
            if let path { #expect(first?.fieldPath == path, "\(file): at \(first?.fieldPath ?? "-")") }
            if let line { #expect(first?.location?.line == line, "\(file): line \(first?.location?.line ?? -1)") }
            #expect(failure.diagnostics.allSatisfy { $0.location?.file == file || $0.location == nil })
        }
        #expect(
            !diagnostics.contains { $0.description.contains("\n") || $0.description.contains("\r") }, "\(file): a diagnostic spans lines")
        #expect(clock.now - started < .seconds(5), "\(file): slow")
    }
}

/// Big inputs: 10 MB by default (about 6 s in a debug build), 100 MB with
/// `KUBEREACH_BIG_INPUT=1`. Loading must finish with a clear result, in bounded time and
/// memory (release figures for 100 MB in Docs/performance-notes.md).
@Suite struct BigInputTests {
    static let big = ProcessInfo.processInfo.environment["KUBEREACH_BIG_INPUT"] == "1"

    /// One NetworkPolicy document, a few hundred bytes; policies over no pods keep the
    /// engine's share small, so the test measures the loader.
    static func policy(_ i: Int) -> String {
        """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: p\(i)
          namespace: ns\(i % 1000)
          labels: {app: web, index: "\(i)"}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from:
            - namespaceSelector: {matchLabels: {team: t\(i % 50)}}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
            ports: [{port: 80}, {port: 8000, endPort: 8100, protocol: UDP}]

        """
    }

    static func manyDocuments(bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 1000)
        var i = 0
        while out.count < bytes {
            out += policy(i).utf8
            i += 1
        }
        return out
    }

    /// Peak resident memory of this process so far, in MiB.
    static func peakMiB() -> Int {
        #if os(Linux)
            var usage = rusage()
            getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
            return usage.ru_maxrss / 1024
        #else
            return 0
        #endif
    }

    @Test func manySmallDocuments() throws {
        let megabytes = Self.big ? 100 : 10
        let bytes = Self.manyDocuments(bytes: megabytes << 20)
        let clock = ContinuousClock()
        let started = clock.now
        let r = try ManifestLoader.load([ManifestSource(name: "big.yaml", bytes: bytes)])
        let elapsed = clock.now - started
        #expect(r.cluster.policies.count > megabytes * 2000)
        #expect(r.cluster.namespaces.count == 1000)
        #expect(elapsed < .seconds(megabytes * 10), "\(elapsed)")
        #expect(Self.peakMiB() < 500 + megabytes * 40, "peak \(Self.peakMiB()) MiB")
    }

    /// One document holding a single huge scalar (an annotation), and a huge comment.
    @Test func oneHugeScalarAndComment() throws {
        let megabytes = Self.big ? 100 : 10
        let size = megabytes << 20
        let head = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations:\n    blob: "
        let text = head + String(repeating: "x", count: size / 2) + "\n# " + String(repeating: "y", count: size / 2) + "\n"
        let clock = ContinuousClock()
        let started = clock.now
        let r = try ManifestLoader.load([ManifestSource(name: "blob.yaml", bytes: Array(text.utf8))])
        #expect(r.cluster.namespaces.map(\.name) == ["a"])
        #expect(clock.now - started < .seconds(megabytes * 3))
        #expect(Self.peakMiB() < 500 + megabytes * 40, "peak \(Self.peakMiB()) MiB")
    }
}
