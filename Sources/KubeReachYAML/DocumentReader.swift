import KubeReachCore
import Yams

/// One document to read: its text and where it came from.
struct DocumentJob: Sendable {
    var source: Int
    var origin: DocumentOrigin
    var text: String
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

    /// `Kind ns/name (file:line)`, as skipped objects are listed.
    var display: String { "\(object) (\(location))" }
}

/// What one document produced.
enum DocumentOutcome: Sendable {
    case empty
    case failed(Diagnostic)
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
        if DocumentSplitter.flowDepth(job.text) > maxFlowDepth {
            return .failed(Diagnostic(.error, "document nested deeper than \(maxFlowDepth) levels", location: location))
        }
        let node: Node?
        do {
            // The basic resolver: no regex tag resolution (we type scalars ourselves); an
            // explicit encoding, or Yams reads the process environment on every call.
            node = try Yams.compose(yaml: job.text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failed(syntaxError(error, origin: origin))
        } catch {
            return .failed(Diagnostic(.error, "cannot parse YAML: \(error)", location: location))
        }
        guard let node, !isEmptyDocument(node) else { return .empty }
        let root = Field(node: node, path: "", origin: origin, fallbackMark: nil, sink: DiagnosticSink())
        guard root.isMapping, root.child("kind").string() != nil, root.child("apiVersion").string() != nil else {
            return .notAnObject(Diagnostic(.warning, "not a Kubernetes object (no kind and apiVersion): skipped", location: root.location))
        }
        var out: [ObjectOutcome] = []
        ObjectReader.read(root, into: &out)
        return .objects(out)
    }

    /// A document holding only a null or an empty scalar (e.g. after a trailing `---`).
    static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && ["", "~", "null"].contains(s.string)
    }

    static func syntaxError(_ error: YamlError, origin: DocumentOrigin) -> Diagnostic {
        var line: Int? = nil, column: Int? = nil, problem = "\(error)"
        switch error {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _),
            .composer(let context, let p, let mark, _):
            line = mark.line + origin.lineOffset
            column = mark.column
            problem = context.map { "\(p) \($0.text)" } ?? p
        default: break
        }
        return Diagnostic(
            .error, "malformed YAML: \(problem)",
            location: SourceLocation(file: origin.file, documentIndex: origin.index, line: line ?? origin.lineOffset + 1, column: column))
    }
}
