import KubeReachCore
import Yams

/// The fast reader of JSON documents (`.json` files, `kubectl get -o json` output, any
/// input whose text starts with `{`): one pass over the bytes, without a decoded copy of
/// the text, builds only what the decoders read (`JSONKeepRule`) and reads a List's items
/// one at a time, so that a dump of any size is never held as a tree. A document it cannot
/// vouch for (`JSONRefusal`: a syntax error, a duplicate key, anything libyaml might read
/// otherwise) or one with more problems than a document may report goes to the general
/// reader, which gives the same load it always gave; on what it accepts, the fast reader
/// gives the same `DocumentOutcome` as the general one (`JSONFastPathTests`).
enum JSONFastPath {
    /// Whether `bytes` is worth trying: its first character that is not blank (after a
    /// byte order mark) opens a JSON object.
    static func applies<Bytes: Collection<UInt8>>(to bytes: Bytes) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.first { $0 != 32 && $0 != 10 && $0 != 13 } == UInt8(ascii: "{")
    }

    /// The outcome of each source the fast reader took (nil for the others), read in parallel.
    static func readAll(_ sources: [ManifestSource], enabled: Bool, defaultNamespace: String, chunks: Int? = nil) -> [DocumentOutcome?] {
        let candidates = enabled ? sources.indices.filter { sources[$0].storage.withBuffer(applies(to:)) } : []
        var out = [DocumentOutcome?](repeating: nil, count: sources.count)
        guard !candidates.isEmpty else { return out }
        let read = Parallel.map(0..<candidates.count) { i in
            JSONFastPath.read(
                sources[candidates[i]].storage, file: sources[candidates[i]].name, defaultNamespace: defaultNamespace, chunks: chunks)
        }
        for (i, outcome) in zip(candidates, read) { out[i] = outcome }
        return out
    }

    /// The document's outcome, or nil when the general reader must read it. A large plain
    /// `List` is read on every core (`JSONParallelList`), anything else (or what that reader
    /// gives back) on one; `chunks` forces the number of parallel chunks (1: none; nil: by size).
    static func read(_ source: SourceBytes, file: String, defaultNamespace: String, chunks: Int? = nil) -> DocumentOutcome? {
        guard YamsMark.available else { return nil }
        let origin = DocumentOrigin(file: file, index: 0, lineOffset: 0)
        let start = source.withBuffer { $0.starts(with: [0xEF, 0xBB, 0xBF]) } ? 3 : 0
        if chunks != 1,
            let outcome = JSONParallelList.read(source, from: start, origin: origin, defaultNamespace: defaultNamespace, chunks: chunks)
        {
            return outcome
        }
        return source.withBuffer { buffer in
            do {
                return try read(buffer, from: start, origin: origin, defaultNamespace: defaultNamespace)
            } catch {
                return nil
            }
        }
    }

    private static func read(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, origin: DocumentOrigin, defaultNamespace: String
    ) throws(JSONRefusal) -> DocumentOutcome? {
        // First as a `List`, what kubectl prints: its items are decoded as they are read,
        // although its kind comes after them. Anything else takes a second pass.
        let budget = ReadBudget.forText(bytes: buffer.count - start)
        let reader = JSONItemReader(origin: origin, budget: budget, defaultNamespace: defaultNamespace)
        var builder = JSONTreeBuilder(cursor: JSONCursor(bytes: buffer, from: start))
        builder.itemHandler = reader
        let root = try readRoot(&builder)
        if root.deferred != nil && kind(of: root, origin: origin) == "List" {
            return finish(root, origin: origin, budget: budget, defaultNamespace: defaultNamespace, items: reader, fingerprint: nil)
        }
        if root.deferred == nil {
            return finish(
                root, origin: origin, budget: budget, defaultNamespace: defaultNamespace, items: nil, fingerprint: root.fingerprint)
        }
        return try readKnowingKind(buffer, from: start, origin: origin, defaultNamespace: defaultNamespace)
    }

    /// The document when it is not a plain `List`: its items are checked first, then read as
    /// its kind says (a `PodList`'s items inherit `kind: Pod`; an object that is no List has
    /// an ordinary `items` field).
    private static func readKnowingKind(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, origin: DocumentOrigin, defaultNamespace: String
    ) throws(JSONRefusal) -> DocumentOutcome? {
        var builder = JSONTreeBuilder(cursor: JSONCursor(bytes: buffer, from: start))
        var root = try readRoot(&builder)
        guard let deferred = root.deferred else { return nil }
        let budget = ReadBudget.forText(bytes: buffer.count - start)
        if kind(of: root, origin: origin)?.hasSuffix("List") == true {
            let stream = JSONItemStream(builder: builder, at: deferred.at)
            let outcome = finish(root, origin: origin, budget: budget, defaultNamespace: defaultNamespace, items: stream, fingerprint: nil)
            return stream.failed ? nil : outcome
        }
        // Not a List: its `items` is an ordinary field, read and hashed as one.
        let at = deferred.at
        var items = JSONTreeBuilder(cursor: JSONCursor(resuming: builder.cursor, at: at.pos, line: at.line, lineStart: at.lineStart))
        var pair = Hasher()
        var key = "items"
        key.withUTF8 { NodeFingerprint.key(UnsafeRawBufferPointer($0), into: &pair) }
        if let node = try items.value(JSONKeepRule.object.rule(forKey: "items"), depth: 2, into: &pair) {
            root.pairs[deferred.slot].1 = node
        }
        root.pairSum &+= pair.finalize()
        return finish(root, origin: origin, budget: budget, defaultNamespace: defaultNamespace, items: nil, fingerprint: root.fingerprint)
    }

    /// The top-level object, and nothing after it but blanks.
    static func readRoot(_ builder: inout JSONTreeBuilder) throws(JSONRefusal) -> JSONTreeBuilder.Object {
        try builder.cursor.skipWhitespace()
        guard builder.cursor.peek == UInt8(ascii: "{") else { throw JSONRefusal(reason: "not an object") }
        let root = try builder.object(.object, build: true, depth: 1, deferring: "items")
        try builder.cursor.skipWhitespace()
        guard builder.cursor.pos == builder.cursor.bytes.count else { throw JSONRefusal(reason: "text after the object") }
        return root
    }

    static func kind(of root: JSONTreeBuilder.Object, origin: DocumentOrigin) -> String? {
        let probe = Field(
            node: root.node(Tag(.implicit)), path: "", origin: origin, fallbackMark: nil,
            sink: DiagnosticSink(budget: ReadBudget(units: .max)))
        return probe.child("kind").string()
    }

    /// The outcome, as the general reader would give it; nil (the general reader decides)
    /// past the diagnostics cap, where which ones are shown depends on the reading order.
    private static func finish(
        _ root: JSONTreeBuilder.Object, origin: DocumentOrigin, budget: ReadBudget, defaultNamespace: String, items: (any ItemSource)?,
        fingerprint: Int?
    ) -> DocumentOutcome? {
        let outcome = DocumentReader.decode(
            root.node(Tag(.implicit)), origin: origin, budget: budget, defaultNamespace: defaultNamespace, items: items,
            fingerprint: fingerprint)
        return budget.tooManyDiagnostics ? nil : outcome
    }
}

/// A plain `List`'s items, decoded as the first pass reads them (kubectl prints `items`
/// before `kind`); handed over whole once the List turns out to be one.
final class JSONItemReader: JSONItemHandler, ItemSource {
    private let origin: DocumentOrigin
    private let budget: ReadBudget
    private let defaultNamespace: String
    private var outcomes: [ObjectOutcome] = []

    init(origin: DocumentOrigin, budget: ReadBudget, defaultNamespace: String) {
        self.origin = origin
        self.budget = budget
        self.defaultNamespace = defaultNamespace
    }

    func item(_ node: Node, index: Int, fingerprint: Int, listMark: Mark) {
        let items = Field(
            node: .sequence(.init([], .implicit, .flow, listMark)), path: "items", origin: origin, fallbackMark: nil,
            sink: DiagnosticSink(budget: budget))
        ObjectReader.readItem(
            node, index: index, of: items, defaultNamespace: defaultNamespace, listKind: nil, listAPIVersion: nil,
            fingerprint: fingerprint, into: &outcomes)
    }

    func appendItems(into out: inout [ObjectOutcome], reading read: (Node, Int?, inout [ObjectOutcome]) -> Void) {
        out += outcomes
        outcomes = []
    }
}

/// A List's items, read from the bytes one at a time when the List is decoded: each item's
/// tree lives only while it is decoded.
final class JSONItemStream: ItemSource {
    private var builder: JSONTreeBuilder
    /// Set when an item could not be read again (the first pass checked them all, so never).
    private(set) var failed = false

    init(builder: JSONTreeBuilder, at: (pos: Int, line: Int, lineStart: Int)) {
        self.builder = builder
        self.builder.cursor = JSONCursor(resuming: builder.cursor, at: at.pos, line: at.line, lineStart: at.lineStart)
    }

    func appendItems(into out: inout [ObjectOutcome], reading read: (Node, Int?, inout [ObjectOutcome]) -> Void) {
        do {
            _ = try builder.elements { builder, _ throws(JSONRefusal) in
                var hasher = Hasher()
                guard let node = try builder.value(.object, depth: 3, into: &hasher) else { throw JSONRefusal(reason: "an item") }
                read(node, hasher.finalize(), &out)
            }
        } catch {
            failed = true
        }
    }
}
