import Foundation

/// What loading read from each source, kept so that a second load of the same source (same
/// name, same bytes, same reading options) reuses the decoded documents instead of reading
/// them again: `diff` loads both sides, which usually share all but a few files. A source
/// whose text was refused whole (not UTF-8, UTF-16) is never kept, so it fails again.
public final class DocumentCache: @unchecked Sendable {
    private struct Entry {
        let bytes: SourceBytes
        let reading: String
        let outcomes: [DocumentOutcome]
        /// Served or stored since the last `forgetUnused`.
        var used = true
    }

    private let lock = NSLock()
    private var entries: [String: [Entry]] = [:]
    /// Sources served from the cache so far.
    public private(set) var hits = 0

    public init() {}

    /// The documents read earlier from `source` with the same reading options, or nil.
    func outcomes(for source: ManifestSource, options: LoadOptions) -> [DocumentOutcome]? {
        lock.lock()
        defer { lock.unlock() }
        let reading = Self.reading(options)
        guard let i = entries[source.name]?.firstIndex(where: { $0.reading == reading && Self.same($0.bytes, source.storage) }) else {
            return nil
        }
        hits += 1
        entries[source.name]![i].used = true
        return entries[source.name]![i].outcomes
    }

    func store(_ outcomes: [DocumentOutcome], for source: ManifestSource, options: LoadOptions) {
        lock.lock()
        defer { lock.unlock() }
        entries[source.name, default: []].append(Entry(bytes: source.storage, reading: Self.reading(options), outcomes: outcomes))
    }

    /// Drops what was neither served nor stored since the last call: `diff --watch` loads
    /// again and again, and keeps only what the latest load read (edited files' old versions
    /// go).
    public func forgetUnused() {
        lock.lock()
        defer { lock.unlock() }
        for name in Array(entries.keys) {
            let kept = entries[name]!.filter(\.used).map { entry in
                var entry = entry
                entry.used = false
                return entry
            }
            entries[name] = kept.isEmpty ? nil : kept
        }
    }

    /// Sources kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.reduce(0) { $0 + $1.count }
    }

    /// The options that change what a document reads as (the others act when objects are applied).
    private static func reading(_ options: LoadOptions) -> String {
        "\(options.defaultNamespace)|\(options.jsonFastPath)|\(options.jsonChunks.map(String.init) ?? "-")"
    }

    private static func same(_ a: SourceBytes, _ b: SourceBytes) -> Bool {
        guard a !== b else { return true }
        guard a.count == b.count else { return false }
        return a.withBuffer { x in b.withBuffer { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
