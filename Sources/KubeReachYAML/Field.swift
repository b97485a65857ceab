import KubeReachCore
import Yams

/// Where the document being decoded came from.
struct DocumentOrigin: Sendable {
    var file: String
    var index: Int
    /// Added to Yams' document-relative line numbers.
    var lineOffset: Int
}

/// A YAML node with its field path and origin, and typed accessors that report a wrong
/// type as an error at that path instead of failing silently. Decoders only look up the
/// fields they know, so unknown fields cost nothing and never fail.
struct Field {
    let node: Node?
    let path: String
    let origin: DocumentOrigin
    /// The nearest location known (a missing field points at its parent).
    let fallbackMark: Mark?
    let sink: DiagnosticSink

    var isMissing: Bool {
        guard let node else { return true }
        if case .scalar(let s) = node, PlainScalar.isNull(s) { return true }
        return false
    }

    var location: SourceLocation {
        let mark = node?.mark ?? fallbackMark
        return SourceLocation(
            file: origin.file, documentIndex: origin.index, line: mark.map { $0.line + origin.lineOffset }, column: mark?.column)
    }

    var isMapping: Bool { if case .mapping? = node { true } else { false } }

    private func field(_ node: Node?, path: String, fallback: Mark?) -> Field {
        Field(node: node, path: path, origin: origin, fallbackMark: fallback, sink: sink)
    }

    /// The field `key` of this map. Looking into something that is present but not a map is
    /// an error (reported once per path), never a silent "missing".
    func child(_ key: String) -> Field {
        if !isMissing && !isMapping && sink.notMaps.insert(path).inserted { sink.error("expected a map", at: self) }
        let value = node.flatMap { MergeKeys.lookup(key, in: $0, budget: sink.budget) }
        return field(value, path: path.isEmpty ? key : "\(path).\(key)", fallback: node?.mark ?? fallbackMark)
    }

    /// The elements of a sequence; nil (and an error) when present but not a sequence.
    func sequence() -> [Field]? {
        if isMissing { return nil }
        guard case .sequence(let s)? = node else {
            sink.error("expected a list", at: self)
            return nil
        }
        guard sink.budget.spend(s.count) else { return nil }
        return s.enumerated().map { i, n in field(n, path: "\(path)[\(i)]", fallback: node?.mark) }
    }

    /// A mapping's entries with string keys (merge keys applied); nil (and an error) when
    /// present but not a mapping.
    func entries() -> [(key: String, value: Field)]? {
        if isMissing { return nil }
        guard let node, isMapping else {
            sink.error("expected a map", at: self)
            return nil
        }
        var out: [(String, Field)] = []
        for (k, v) in MergeKeys.pairs(of: node, budget: sink.budget) {
            guard case .scalar(let ks) = k else {
                sink.error("map keys must be strings", at: self)
                continue
            }
            out.append((ks.string, field(v, path: "\(path).\(ks.string)", fallback: k.mark)))
        }
        return out
    }

    /// A scalar's text; nil (and an error) when present but not a scalar.
    func string() -> String? {
        if isMissing { return nil }
        guard case .scalar(let s)? = node else {
            sink.error("expected a string", at: self)
            return nil
        }
        return s.string
    }

    /// The scalar's YAML type as kubectl resolves it: an untagged plain scalar by its text,
    /// a scalar with an explicit core tag (`!!int "80"`) by its text too, whatever its
    /// quoting; nil (a string) when quoted, a block scalar, tagged `!!str` (`!!str 80` is the
    /// string "80") or with another tag, or not a scalar.
    var plainValue: PlainScalar? {
        guard case .scalar(let s)? = node else { return nil }
        switch PlainScalar.explicitTag(s) {
        case nil: return s.style == .plain ? PlainScalar(s.string) : nil
        case .typed?: return PlainScalar(s.string)
        case .string?: return nil
        }
    }

    /// An integer written as a number; a quoted or non-numeric value is an error.
    func int() -> Int? {
        if isMissing { return nil }
        guard case .int(let v)? = plainValue else {
            sink.error("expected an integer", at: self)
            return nil
        }
        return v
    }

    func bool() -> Bool? {
        if isMissing { return nil }
        guard case .bool(let v)? = plainValue else {
            sink.error("expected true or false", at: self)
            return nil
        }
        return v
    }

    /// A map of strings (labels, selectors); nil when missing. A null value is "".
    func stringMap() -> [String: String]? {
        guard let entries = entries() else { return nil }
        var out: [String: String] = [:]
        for (k, v) in entries {
            if v.isMissing {
                out[k] = ""
                continue
            }
            if let s = v.string() { out[k] = s }
        }
        return out
    }
}
