#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input's bytes: an array, or a read-only mapping of a large JSON file. A mapping lets the
/// JSON reader hand pages back to the kernel once it has read them (`release`), so a dump of
/// several gigabytes is never resident at once: the pages of a private, never-written file
/// mapping are read again from the file if they are touched again, so releasing changes no
/// byte. The one risk a mapping adds is a file truncated by another process while it is read
/// (the kernel then stops the process); `Docs/robustness.md` says so.
public final class SourceBytes: @unchecked Sendable {
    /// Files at least this large that hold JSON are mapped rather than read.
    public static let mapThreshold = 64 << 20
    /// Pages are handed back in steps of at least this many bytes.
    static let releaseStep = 16 << 20

    private let owned: [UInt8]
    private let base: UnsafeRawPointer?
    public let count: Int

    public init(_ bytes: [UInt8]) {
        owned = bytes
        base = nil
        count = bytes.count
    }

    /// A private read-only mapping of `count` bytes of `fd`, or nil when the system refuses.
    init?(mapping fd: Int32, count: Int) {
        guard count > 0, let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        owned = []
        base = UnsafeRawPointer(p)
        self.count = count
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// Whether the bytes are a file mapping (whose pages `release` can hand back).
    public var isMapped: Bool { base != nil }

    /// The bytes as an array: the array itself, or a copy of the mapping (the general reader's
    /// way in, for a mapped file the JSON reader gave back).
    public var array: [UInt8] {
        guard let base else { return owned }
        return Array(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    public func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try owned.withUnsafeBufferPointer(body) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Hands back the whole pages inside `range` (a no-op for an array): they leave the
    /// resident set and are read from the file again if touched.
    public func release(_ range: Range<Int>) {
        guard let base, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let from = (max(range.lowerBound, 0) + page - 1) / page * page
        let to = min(range.upperBound, count) / page * page
        guard to > from else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED)
    }
}
