import Yams

/// Reads one JSON value at a cursor: builds the parts a `JSONKeepRule` keeps as Yams nodes
/// (with the marks libyaml would give them, so diagnostics keep their lines and columns),
/// checks and hashes the rest without building it, and refuses duplicate keys. Every part
/// is hashed as `NodeFingerprint` hashes a tree, so duplicate objects are still recognised.
struct JSONTreeBuilder {
    var cursor: JSONCursor
    /// Off for a pass that only checks the text (a List's items before they are read).
    var hashing = true
    private var scratch: [UInt8] = []
    private let tag = Tag(.implicit)

    /// Deeper JSON is left to the general reader (which refuses past 512 levels).
    static let maxDepth = 256

    init(cursor: JSONCursor) { self.cursor = cursor }

    /// The value at the cursor, fed into `h`; its node, or nil when `rule` keeps nothing.
    mutating func value(_ rule: JSONKeepRule, depth: Int, into h: inout Hasher) throws(JSONRefusal) -> Node? {
        guard depth <= Self.maxDepth else { throw JSONRefusal(reason: "nested too deep") }
        let build = !rule.keepsNothing
        switch cursor.peek {
        case UInt8(ascii: "{")?:
            let object = try self.object(rule, build: build, depth: depth, deferring: nil)
            if hashing { NodeFingerprint.mapping(count: object.count, pairSum: object.pairSum, into: &h) }
            return build ? object.node(tag) : nil
        case UInt8(ascii: "[")?:
            return try array(build ? rule.elements ?? .all : .none, build: build, depth: depth, into: &h)
        case UInt8(ascii: "\"")?:
            let mark = build ? cursor.mark() : nil
            let range = try cursor.string(decoded: &scratch)
            return withBytes(range) { bytes in
                if hashing { NodeFingerprint.scalar(UnsafeRawBufferPointer(bytes), quoted: true, into: &h) }
                return build ? .scalar(.init(String(decoding: bytes, as: UTF8.self), tag, .doubleQuoted, mark)) : nil
            }
        case _?:
            let mark = build ? cursor.mark() : nil
            let range = try cursor.bareValue()
            let bytes = UnsafeBufferPointer(rebasing: cursor.bytes[range])
            if hashing { NodeFingerprint.scalar(UnsafeRawBufferPointer(bytes), quoted: false, into: &h) }
            return build ? .scalar(.init(String(decoding: bytes, as: UTF8.self), tag, .plain, mark)) : nil
        case nil: throw JSONRefusal(reason: "the text ends inside a value")
        }
    }

    /// A map read so far: its kept pairs, and its hash parts.
    struct Object {
        var mark: Mark?
        var pairs: [(Node, Node)] = []
        var count = 0
        var pairSum = 0
        /// The key handed back unread (`deferring`): where its value starts, its index among the kept pairs.
        var deferred: (at: (pos: Int, line: Int, lineStart: Int), slot: Int)?

        func node(_ tag: Tag) -> Node { .mapping(.init(pairs, tag, .flow, mark)) }

        /// As `NodeFingerprint` hashes the whole map (a deferred value left out).
        var fingerprint: Int {
            var h = Hasher()
            NodeFingerprint.mapping(count: count, pairSum: pairSum, into: &h)
            return h.finalize()
        }
    }

    /// A map. The value of `deferring` (a List's `items`), when a list, is not part of the
    /// map's tree or hash: its elements go to `itemHandler` (or are only checked, without
    /// one), it stands as an empty list in the pairs, and its place is returned.
    mutating func object(_ rule: JSONKeepRule, build: Bool, depth: Int, deferring: String?) throws(JSONRefusal) -> Object {
        var out = Object(mark: build ? cursor.mark() : nil)
        var keys = JSONKeySet()
        cursor.pos += 1
        try cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.pos += 1
            return out
        }
        while true {
            let keyLine = cursor.line, keyStart = cursor.pos
            let keyMark = build ? cursor.mark() : nil
            let range = try cursor.string(decoded: &scratch)
            var pair = Hasher()
            let key: String? = try withBytes(range) { bytes throws(JSONRefusal) in
                guard keys.insert(bytes) else { throw JSONRefusal(reason: "a duplicate key") }
                if hashing { NodeFingerprint.key(UnsafeRawBufferPointer(bytes), into: &pair) }
                return build || deferring != nil ? String(decoding: bytes, as: UTF8.self) : nil
            }
            try cursor.skipWhitespace()
            // libyaml takes a key only on one line with its ':' and within 1,024 characters.
            guard cursor.line == keyLine, cursor.pos - keyStart < 1000 else { throw JSONRefusal(reason: "a key libyaml may not take") }
            try cursor.expect(UInt8(ascii: ":"))
            try cursor.skipWhitespace()
            let childRule = build ? rule.rule(forKey: key ?? "") : .none
            if let deferring, key == deferring, cursor.peek == UInt8(ascii: "[") {
                let at = cursor.here, mark = cursor.mark()
                if let skip = skippingItems {
                    guard cursor.pos == skip.open else { throw JSONRefusal(reason: "the items are not where the first pass found them") }
                    cursor = JSONCursor(resuming: cursor, at: skip.end.pos, line: skip.end.line, lineStart: skip.end.lineStart)
                } else if let handler = itemHandler {
                    try items(depth: depth + 1, mark: mark, handler)
                } else {
                    let wasHashing = hashing
                    hashing = false
                    var ignored = Hasher()
                    _ = try array(.none, build: false, depth: depth + 1, into: &ignored)
                    hashing = wasHashing
                }
                out.deferred = (at, out.pairs.count)
                out.pairs.append((keyNode(key ?? "", keyMark), .sequence(.init([], tag, .flow, mark))))
                out.count += 1
            } else {
                if let child = try value(childRule, depth: depth + 1, into: &pair), build {
                    out.pairs.append((keyNode(key ?? "", keyMark), child))
                }
                out.count += 1
                if hashing { out.pairSum &+= pair.finalize() }
            }
            try cursor.skipWhitespace()
            if cursor.peek == UInt8(ascii: ",") {
                cursor.pos += 1
                try cursor.skipWhitespace()
                continue
            }
            try cursor.expect(UInt8(ascii: "}"))
            return out
        }
    }

    /// A List's items handed to `handler` one at a time, each built and hashed as an object.
    private mutating func items(depth: Int, mark: Mark, _ handler: any JSONItemHandler) throws(JSONRefusal) {
        elementCount = try elements { builder, index throws(JSONRefusal) in
            var h = Hasher()
            if let node = try builder.value(.object, depth: depth + 1, into: &h) {
                handler.item(node, index: index, fingerprint: h.finalize(), listMark: mark)
            }
        }
    }

    /// Reads a list's elements (the cursor at its `[`), each through `element`; their count.
    mutating func elements(_ element: (inout JSONTreeBuilder, Int) throws(JSONRefusal) -> Void) throws(JSONRefusal) -> Int {
        cursor.pos += 1
        try cursor.skipWhitespace()
        if cursor.peek == UInt8(ascii: "]") {
            cursor.pos += 1
            return 0
        }
        var count = 0
        while true {
            try element(&self, count)
            count += 1
            try cursor.skipWhitespace()
            guard cursor.peek == UInt8(ascii: ",") else { break }
            cursor.pos += 1
            try cursor.skipWhitespace()
        }
        try cursor.expect(UInt8(ascii: "]"))
        return count
    }

    private func keyNode(_ key: String, _ mark: Mark?) -> Node { .scalar(.init(key, tag, .doubleQuoted, mark)) }

    /// A list; its node when `build` (as a one-element-per-item array otherwise, for the count).
    private mutating func array(_ rule: JSONKeepRule, build: Bool, depth: Int, into h: inout Hasher) throws(JSONRefusal) -> Node? {
        let mark = build ? cursor.mark() : nil
        var items: [Node] = []
        if hashing { h.combine(1) }
        let count = try elements { builder, _ throws(JSONRefusal) in
            if let item = try builder.value(rule, depth: depth + 1, into: &h), build { items.append(item) }
        }
        if hashing { h.combine(count) }
        elementCount = count
        return build ? .sequence(.init(items, tag, .flow, mark)) : nil
    }

    /// Receives a List's items as they are read (nil: they are only checked, for a later pass).
    var itemHandler: (any JSONItemHandler)? = nil

    /// Where a List's items start and end (`JSONItemBounds`), when other readers read them:
    /// the deferred list is jumped over, unread.
    var skippingItems: (open: Int, end: JSONItemBounds.Place)? = nil

    /// The element count of the last list read.
    private(set) var elementCount = 0

    /// The string's bytes: a slice of the input, or the decoded escapes.
    private func withBytes<T, E: Error>(_ range: Range<Int>?, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        if let range { return try body(UnsafeBufferPointer(rebasing: cursor.bytes[range])) }
        return try scratch.withUnsafeBufferPointer { (b) throws(E) -> T in try body(b) }
    }
}

/// Decodes a List's items while the rest of the document is still being read.
protocol JSONItemHandler: AnyObject {
    func item(_ node: Node, index: Int, fingerprint: Int, listMark: Mark)
}

/// The keys of one JSON map, by a 64-bit hash of their decoded bytes: a duplicate is refused
/// (a collision only sends the document to the general reader, which decides exactly).
struct JSONKeySet {
    private var small: [UInt64] = []
    private var large: Set<UInt64> = []

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        if small.count < 16 {
            if small.contains(h) { return false }
            small.append(h)
            return true
        }
        if large.isEmpty { large = Set(small) }
        return large.insert(h).inserted
    }
}
