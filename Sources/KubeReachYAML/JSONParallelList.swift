import KubeReachCore
import Yams

/// A plain `List` read on every core: `JSONItemBounds` finds where the items start, runs of
/// items are read, checked, hashed and decoded in parallel chunks (each item exactly as the
/// sequential reader reads it: same depth, same lines and columns, same global index), and
/// the outcomes are put back in document order, so diagnostics, duplicate detection and the
/// model are those of the sequential reader. Whatever it cannot vouch for (no items list,
/// another kind of List, an item that does not end where the next starts, a syntax error,
/// more diagnostics than a document may report, a spent budget) gives nil: the sequential
/// reader then reads the document and decides, as it always did.
enum JSONParallelList {
    /// Below this size a document is read on one thread.
    static let minBytes = 1 << 20
    /// Chunks per core: enough that an uneven chunk does not leave a core idle.
    static let chunksPerCore = 8

    /// The document's outcome, or nil (the sequential reader decides). `chunks` forces their
    /// number (tests); nil chooses by size.
    /// A file mapping's pages are handed back as they are read (the first pass's behind it,
    /// then each chunk's once decoded).
    static func read(_ bytes: SourceBytes, from start: Int, origin: DocumentOrigin, defaultNamespace: String, chunks: Int?)
        -> DocumentOutcome?
    {
        let size = bytes.count - start
        guard chunks != nil || (size >= minBytes && Parallel.cores > 1) else { return nil }
        let release: ((Range<Int>) -> Void)? = bytes.isMapped ? { bytes.release($0) } : nil
        guard
            let found = bytes.withBuffer({ buffer in
                JSONItemBounds.find(in: buffer, from: start, release: release).flatMap { bounds in
                    (try? rootSkippingItems(buffer, from: start, bounds)).map { (bounds, $0) }
                }
            })
        else { return nil }
        let (bounds, root) = found
        guard let deferred = root.deferred, JSONFastPath.kind(of: root, origin: origin) == "List",
            case .sequence(let list) = root.pairs[deferred.slot].1, let listMark = list.mark
        else { return nil }
        let mark = (line: listMark.line, column: listMark.column)
        let ranges = split(bounds, into: chunks ?? chunkCount(size: size, mapped: bytes.isMapped))
        var parts = Parallel.map(0..<ranges.count) { c in
            let part = bytes.withBuffer { buffer in
                try? chunk(
                    buffer, bounds: bounds, items: ranges[c], origin: origin, listMark: mark, defaultNamespace: defaultNamespace,
                    budgetBytes: size)
            }
            bytes.release(byteRange(of: ranges[c], in: bounds))
            return part
        }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        var outcomes: [ObjectOutcome] = []
        outcomes.reserveCapacity(bounds.starts.count)
        var spent = 0, diagnostics = 0
        // Each chunk's objects are released once copied: the outcomes are held once, not twice.
        for c in parts.indices {
            outcomes += parts[c]!.outcomes
            spent += parts[c]!.spent
            diagnostics += parts[c]!.diagnostics
            parts[c] = nil
        }
        let budget = ReadBudget.forText(bytes: size)
        let outcome = DocumentReader.decode(
            root.node(Tag(.implicit)), origin: origin, budget: budget, defaultNamespace: defaultNamespace,
            items: DecodedItems(outcomes), fingerprint: nil)
        // One budget in the sequential reader: the sums must stay within it.
        let units = ReadBudget.forText(bytes: size).remaining
        spent += units - budget.remaining
        guard spent <= units, diagnostics + budget.diagnosticCount <= ReadBudget.maxDiagnostics else {
            return nil
        }
        return outcome
    }

    /// The top-level object, its items skipped (they are where `bounds` says, or it throws).
    private static func rootSkippingItems(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ bounds: JSONItemBounds
    ) throws(JSONRefusal) -> JSONTreeBuilder.Object {
        var builder = JSONTreeBuilder(cursor: JSONCursor(bytes: buffer, from: start))
        builder.skippingItems = (bounds.open.pos, bounds.end)
        return try JSONFastPath.readRoot(&builder)
    }

    /// Chunks per core, and for a mapped file at least one per `mappedChunkBytes`, so that
    /// only a few chunks' pages are resident at a time.
    static func chunkCount(size: Int, mapped: Bool) -> Int {
        let perCore = Parallel.cores * chunksPerCore
        return mapped ? max(perCore, size / mappedChunkBytes) : perCore
    }

    /// The most bytes a chunk of a mapped file spans (about).
    static let mappedChunkBytes = 32 << 20

    /// The bytes of a chunk's items, up to the next item (or the list's end).
    static func byteRange(of items: Range<Int>, in bounds: JSONItemBounds) -> Range<Int> {
        guard !items.isEmpty else { return 0..<0 }
        let end = items.upperBound < bounds.starts.count ? bounds.starts[items.upperBound].pos : bounds.end.pos
        return bounds.starts[items.lowerBound].pos..<end
    }

    /// Item index ranges of about equal byte size, at most `count` of them, none empty.
    static func split(_ bounds: JSONItemBounds, into count: Int) -> [Range<Int>] {
        let n = bounds.starts.count
        guard n > 0 else { return [] }
        let first = bounds.starts[0].pos, total = bounds.end.pos - first
        let k = max(1, min(count, n))
        var ranges: [Range<Int>] = []
        var from = 0
        for c in 1...k {
            var to = c == k ? n : from + 1
            if c < k {
                let target = first + total * c / k
                while to < n && bounds.starts[to].pos <= target { to += 1 }
                // At least one item for each chunk still to come.
                to = min(to, n - (k - c))
            }
            ranges.append(from..<to)
            from = to
        }
        return ranges
    }

    /// What one chunk gave: its objects in order, the budget it spent, the diagnostics it admitted.
    struct Chunk: Sendable {
        var outcomes: [ObjectOutcome]
        var spent: Int
        var diagnostics: Int
    }

    /// Reads and decodes `items`; each must end where the next one starts (or the list ends).
    private static func chunk(
        _ buffer: UnsafeBufferPointer<UInt8>, bounds: JSONItemBounds, items: Range<Int>, origin: DocumentOrigin,
        listMark: (line: Int, column: Int), defaultNamespace: String, budgetBytes: Int
    ) throws(JSONRefusal) -> Chunk {
        let at = bounds.starts[items.lowerBound]
        var builder = JSONTreeBuilder(
            cursor: JSONCursor(resuming: JSONCursor(bytes: buffer), at: at.pos, line: at.line, lineStart: at.lineStart))
        let budget = ReadBudget.forText(bytes: budgetBytes)
        let units = budget.remaining
        let reader = JSONItemReader(origin: origin, budget: budget, defaultNamespace: defaultNamespace)
        let mark = YamsMark.make(line: listMark.line, column: listMark.column)
        for i in items {
            var h = Hasher()
            guard let node = try builder.value(.object, depth: 3, into: &h) else { throw JSONRefusal(reason: "an item") }
            reader.item(node, index: i, fingerprint: h.finalize(), listMark: mark)
            try builder.cursor.skipWhitespace()
            let next: JSONItemBounds.Place
            if i + 1 < bounds.starts.count {
                try builder.cursor.expect(UInt8(ascii: ","))
                try builder.cursor.skipWhitespace()
                next = bounds.starts[i + 1]
            } else {
                try builder.cursor.expect(UInt8(ascii: "]"))
                next = bounds.end
            }
            guard builder.cursor.pos == next.pos, builder.cursor.line == next.line else {
                throw JSONRefusal(reason: "an item does not end where the next starts")
            }
        }
        var outcomes: [ObjectOutcome] = []
        reader.appendItems(into: &outcomes) { _, _, _ in }
        return Chunk(outcomes: outcomes, spent: units - budget.remaining, diagnostics: budget.diagnosticCount)
    }
}

/// A List's items already decoded (in parallel), handed over in order.
final class DecodedItems: ItemSource {
    private var outcomes: [ObjectOutcome]

    init(_ outcomes: [ObjectOutcome]) { self.outcomes = outcomes }

    func appendItems(into out: inout [ObjectOutcome], reading read: (Node, Int?, inout [ObjectOutcome]) -> Void) {
        if out.isEmpty {
            swap(&out, &outcomes)
        } else {
            out += outcomes
            outcomes = []
        }
    }
}
