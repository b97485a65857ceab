import KubeReachCore
import Yams

/// Where the document being decoded came from.
struct DocumentOrigin: Sendable {
    var file: String
    var index: Int
    /// Added to Yams' document-relative line numbers.
    var lineOffset: Int
}

/// Collects the diagnostics of one object, so an invalid object can be skipped whole.
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// Names the object in every message (`NetworkPolicy ns/name`).
    var object: String?
    /// Nodes visited; bounds the work an alias bomb can cause.
    var visited = 0
    static let visitBudget = 2_000_000

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// Paths already reported as "expected a map", so repeated lookups report once.
    var notMaps: Set<String> = []

    func error(_ message: String, at field: Field) {
        diagnostics.append(Diagnostic(.error, message, location: field.location, object: object, fieldPath: field.path))
    }

    func warning(_ message: String, at field: Field) {
        diagnostics.append(Diagnostic(.warning, message, location: field.location, object: object, fieldPath: field.path))
    }
}

/// A YAML node with its field path and origin, and typed accessors that report a wrong
/// type as an error at that path instead of failing silently.
struct Field {
    let node: Node?
    let path: String
    let origin: DocumentOrigin
    /// The nearest location known (a missing field points at its parent).
    let fallbackMark: Mark?
    let sink: DiagnosticSink

    var isMissing: Bool {
        guard let node else { return true }
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return true }
        return false
    }

    var location: SourceLocation {
        let mark = node?.mark ?? fallbackMark
        return SourceLocation(
            file: origin.file, documentIndex: origin.index, line: mark.map { $0.line + origin.lineOffset }, column: mark?.column)
    }

    /// The field `key` of this map. Looking into something that is present but not a map is
    /// an error (reported once per path), never a silent "missing".
    func child(_ key: String) -> Field {
        sink.visited += 1
        if !isMissing && !isMapping && sink.notMaps.insert(path).inserted { sink.error("expected a map", at: self) }
        var value: Node? = nil
        // Compare key text directly: `Mapping[key]` compares whole Nodes, which resolves
        // every key's tag through a regular expression (most of the load time).
        if case .mapping(let m)? = node, sink.visited < DiagnosticSink.visitBudget {
            for (k, v) in m {
                if case .scalar(let ks) = k, ks.string == key {
                    value = v
                    break
                }
            }
        }
        return Field(node: value, path: path.isEmpty ? key : "\(path).\(key)", origin: origin, fallbackMark: node?.mark ?? fallbackMark, sink: sink)
    }

    /// The elements of a sequence; nil (and an error) when present but not a sequence.
    func sequence() -> [Field]? {
        if isMissing { return nil }
        guard case .sequence(let s)? = node else {
            sink.error("expected a list", at: self)
            return nil
        }
        sink.visited += s.count
        guard sink.visited < DiagnosticSink.visitBudget else {
            sink.error("document too large after alias expansion", at: self)
            return nil
        }
        return s.enumerated().map { i, n in
            Field(node: n, path: "\(path)[\(i)]", origin: origin, fallbackMark: node?.mark, sink: sink)
        }
    }

    /// A mapping's entries with string keys; nil (and an error) when not a mapping.
    func entries() -> [(key: String, value: Field)]? {
        if isMissing { return nil }
        guard case .mapping(let m)? = node else {
            sink.error("expected a map", at: self)
            return nil
        }
        sink.visited += m.count
        guard sink.visited < DiagnosticSink.visitBudget else {
            sink.error("document too large after alias expansion", at: self)
            return nil
        }
        var out: [(String, Field)] = []
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                sink.error("map keys must be strings", at: self)
                continue
            }
            out.append((ks.string, Field(node: v, path: "\(path).\(ks.string)", origin: origin, fallbackMark: k.mark, sink: sink)))
        }
        return out
    }

    var isMapping: Bool { if case .mapping? = node { true } else { false } }

    /// A scalar's text; nil (and an error) when present but not a scalar.
    func string() -> String? {
        if isMissing { return nil }
        guard case .scalar(let s)? = node else {
            sink.error("expected a string", at: self)
            return nil
        }
        return s.string
    }

    /// Whether the scalar was written as a number (plain style, integer syntax).
    var isPlainInteger: Bool {
        guard case .scalar(let s)? = node, s.style == .plain else { return false }
        return Int(s.string) != nil
    }

    /// An integer written as a number; a quoted or non-numeric value is an error.
    func int() -> Int? {
        if isMissing { return nil }
        guard case .scalar(let s)? = node, s.style == .plain, let v = Int(s.string) else {
            sink.error("expected an integer", at: self)
            return nil
        }
        return v
    }

    func bool() -> Bool? {
        if isMissing { return nil }
        guard case .scalar(let s)? = node, s.style == .plain else {
            sink.error("expected true or false", at: self)
            return nil
        }
        switch s.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            sink.error("expected true or false", at: self)
            return nil
        }
    }

    /// A map of strings (labels, selectors); nil when missing.
    func stringMap() -> [String: String]? {
        guard let entries = entries() else { return nil }
        var out: [String: String] = [:]
        for (k, v) in entries {
            if v.isMissing { out[k] = ""; continue }
            if let s = v.string() { out[k] = s }
        }
        return out
    }
}
