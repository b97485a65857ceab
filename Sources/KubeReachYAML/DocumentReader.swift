import KubeReachCore
import Yams

/// One document to read: its text and where it came from.
struct DocumentJob: Sendable {
    var source: Int
    var origin: DocumentOrigin
    var text: String
    /// The namespace of objects that name none (`--default-namespace`, else `default`).
    var defaultNamespace = "default"
}

/// What one object of a document produced; applied to the load in input order.
struct ObjectOutcome: Sendable {
    /// `Kind/namespace/name` for duplicate detection (nil for skipped kinds).
    var identity: String?
    /// `Kind ns/name`, as diagnostics name objects.
    var object: String
    var location: SourceLocation
    /// Where a duplicate is reported (`metadata.name`).
    var nameLocation: SourceLocation
    var decoded: DecodedObject?
    var skippedKind: String?
    var unevaluatedKind: String?
    var diagnostics: [Diagnostic]
    /// The object's content, key order and formatting aside (`NodeFingerprint`): equal for
    /// the same object written twice; nil when not computed.
    var fingerprint: Int? = nil

    /// `Kind ns/name (file:line)`, as skipped objects are listed.
    var display: String { "\(object) (\(location))" }
}

/// What one document produced.
enum DocumentOutcome: Sendable {
    case empty
    /// The document is refused whole (parse error, alias bomb, too many problems).
    case failed([Diagnostic])
    case notAnObject(Diagnostic)
    case objects([ObjectOutcome])
}

/// Parses and decodes documents; pure per document, so documents are read in parallel.
enum DocumentReader {
    static let maxFlowDepth = 512

    /// Reads every job, on all cores, returning outcomes in job order.
    static func readAll(_ jobs: [DocumentJob]) -> [DocumentOutcome] {
        let workers = max(1, min(Parallel.cores, jobs.count))
        let parts = Parallel.map(0..<workers) { w in stride(from: w, to: jobs.count, by: workers).map { read(jobs[$0]) } }
        var out: [DocumentOutcome] = []
        out.reserveCapacity(jobs.count)
        for i in jobs.indices { out.append(parts[i % workers][i / workers]) }
        return out
    }

    static func read(_ job: DocumentJob) -> DocumentOutcome {
        let origin = job.origin
        let location = SourceLocation(file: origin.file, documentIndex: origin.index, line: origin.lineOffset + 1)
        let depth = DocumentSplitter.flowDepth(job.text)
        if depth > maxFlowDepth {
            return .failed([Diagnostic(.error, "document nested deeper than \(maxFlowDepth) levels", location: location)])
        }
        if let line = AliasKeyCheck.firstAliasedKey(job.text) {
            return .failed([
                Diagnostic(
                    .error, "a map key is a YAML alias of a collection, or holds an alias (an alias bomb?): keys must be strings",
                    location: SourceLocation(file: origin.file, documentIndex: origin.index, line: origin.lineOffset + line))
            ])
        }
        var node: Node?
        var fallbackNote: Diagnostic? = nil
        if case .composed(let composed) = YAMLComposer.compose(job.text) {
            node = composed
        } else {
            let yams = composeWithYams(job, depth: depth, location: location)
            if let refusal = yams.refusal { return refusal }
            node = yams.node
            fallbackNote = yams.note
        }
        guard let node, !isEmptyDocument(node) else { return .empty }
        let budget = ReadBudget.forText(bytes: job.text.utf8.count)
        let outcome = decode(node, origin: origin, budget: budget, defaultNamespace: job.defaultNamespace)
        guard let fallbackNote, case .objects(var out) = outcome, !out.isEmpty else { return outcome }
        out[0].diagnostics.insert(fallbackNote, at: 0)
        return .objects(out)
    }

    /// A document `YAMLComposer` left to Yams: its tree, with a note when only the JSON parser
    /// could read it; or the document's refusal.
    private static func composeWithYams(_ job: DocumentJob, depth: Int, location: SourceLocation) -> (
        node: Node?, note: Diagnostic?, refusal: DocumentOutcome?
    ) {
        let origin = job.origin
        do {
            // The basic resolver: no regex tag resolution (we type scalars ourselves); an
            // explicit encoding, or Yams reads the process environment on every call.
            return (try Yams.compose(yaml: job.text, .basic, .default, .utf8), nil, nil)
        } catch {
            let refusal =
                (error as? YamlError).map { syntaxError($0, origin: origin) }
                ?? Diagnostic(.error, "cannot parse YAML: \(error)", location: location)
            // Foundation's parser would keep one of two equal keys silently: JSON is checked
            // first, and a duplicate the YAML parser found is never read past.
            if JSONFallback.looksLikeJSON(job.text), let duplicate = JSONKeyCheck.firstDuplicate(job.text) {
                return (nil, nil, .failed([duplicateKeyError(duplicate, origin: origin, in: "a JSON object")]))
            }
            if case .duplicatedKeysInMapping? = error as? YamlError {
                let duplicate = YAMLKeyCheck.firstDuplicate(job.text).map { duplicateKeyError($0, origin: origin, in: "a map") }
                return (nil, nil, .failed([duplicate ?? refusal]))
            }
            guard let json = JSONFallback.node(job.text, depth: depth) else { return (nil, nil, .failed([refusal])) }
            let note = Diagnostic(
                .note, "read with the JSON parser (the YAML parser refused it: \(refusal.message)); its diagnostics have no line numbers",
                location: location)
            return (json, note, nil)
        }
    }

    /// The objects of a parsed document. The JSON fast path passes a List's `items` as a
    /// stream (the tree holds an empty list there) and the fingerprint of what it skipped.
    static func decode(
        _ node: Node, origin: DocumentOrigin, budget: ReadBudget, defaultNamespace: String, items: (any ItemSource)? = nil,
        fingerprint: Int? = nil
    ) -> DocumentOutcome {
        let location = SourceLocation(file: origin.file, documentIndex: origin.index, line: origin.lineOffset + 1)
        let root = Field(node: node, path: "", origin: origin, fallbackMark: nil, sink: DiagnosticSink(budget: budget))
        guard root.isMapping, root.child("kind").string() != nil, root.child("apiVersion").string() != nil else {
            return .notAnObject(Diagnostic(.warning, "not a Kubernetes object (no kind and apiVersion): skipped", location: root.location))
        }
        var out: [ObjectOutcome] = []
        ObjectReader.read(root, defaultNamespace: defaultNamespace, fingerprint: fingerprint, items: items, into: &out)
        if budget.exhausted {
            return .failed([
                Diagnostic(
                    .error, "document too large once its YAML aliases are expanded (an alias bomb?): refused", location: location)
            ])
        }
        if budget.tooManyDiagnostics {
            let shown = out.flatMap(\.diagnostics).filter { $0.severity == .error }
            return .failed(
                shown + [
                    Diagnostic(
                        .error, "more than \(ReadBudget.maxDiagnostics) problems in this document; the rest are not shown",
                        location: location)
                ])
        }
        return .objects(out)
    }

    /// A document holding only a null or an empty scalar (e.g. after a trailing `---`).
    static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return PlainScalar.isNull(s)
    }

    /// A key written twice in one map or JSON object, at the second one, with its field path.
    static func duplicateKeyError(_ d: JSONKeyCheck.Duplicate, origin: DocumentOrigin, in container: String) -> Diagnostic {
        Diagnostic(
            .error,
            "malformed \(container == "a map" ? "YAML" : "JSON"): duplicate key '\(d.key)' in \(container) (first at line \(d.firstLine + origin.lineOffset):\(d.firstColumn)): "
                + "the API server keeps only the last one, or refuses the object under strict validation; remove one",
            location: SourceLocation(file: origin.file, documentIndex: origin.index, line: d.line + origin.lineOffset, column: d.column),
            fieldPath: d.path)
    }

    static func syntaxError(_ error: YamlError, origin: DocumentOrigin) -> Diagnostic {
        var line: Int? = nil, column: Int? = nil, problem = "\(error)"
        switch error {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _),
            .composer(let context, let p, let mark, _):
            line = mark.line + origin.lineOffset
            column = mark.column
            problem = context.map { "\(p) \($0.text)" } ?? p
            if p.contains("Maximum nesting level") { problem = "nested deeper than the YAML parser allows (1000 levels)" }
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams's own text spans lines (it quotes the document); the API server refuses duplicates too.
            line = context.mark.line + origin.lineOffset
            column = context.mark.column
            problem = "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a map"
        case .reader(let p, let offset, _, let yaml):
            // libyaml's reader (control characters, bad encodings) gives a byte offset, not a line.
            if let offset { line = yaml.utf8.prefix(offset).count(where: { $0 == 10 }) + 1 + origin.lineOffset }
            problem = p
        default: break
        }
        return Diagnostic(
            .error, "malformed YAML: \(problem)",
            location: SourceLocation(file: origin.file, documentIndex: origin.index, line: line ?? origin.lineOffset + 1, column: column))
    }
}
