import Yams

/// Why the JSON fast path handed a document back to the general reader (libyaml, then
/// Foundation): the text is not JSON as the fast path reads it, or libyaml might read it
/// differently. The general reader then gives the exact diagnostics.
struct JSONRefusal: Error {
    var reason: String
}

/// A position in JSON bytes, with the line and column libyaml would give it (columns in
/// characters; CRLF and a lone CR are one line break, as `SourceText` makes them). It only
/// accepts what libyaml reads exactly like a JSON parser: no tabs or comments between
/// tokens, no raw control characters or characters libyaml refuses in strings, no `\/` or
/// surrogate escapes, keys with their `:` on the same line and within libyaml's 1,024
/// characters. Anything else is a `JSONRefusal`.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    private(set) var line = 1
    private var lineStart: Int
    /// The last column computed, so that columns on one long line cost linear time in all.
    private var columnAt = (pos: 0, column: 1)

    init(bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        pos = start
        lineStart = start
        columnAt = (start, 1)
    }

    /// A cursor that continues at `pos` of `other` (same line bookkeeping).
    init(resuming other: JSONCursor, at pos: Int, line: Int, lineStart: Int) {
        self = other
        self.pos = pos
        self.line = line
        self.lineStart = lineStart
        columnAt = (lineStart, 1)
    }

    var here: (pos: Int, line: Int, lineStart: Int) { (pos, line, lineStart) }

    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    /// The 1-based column of `pos` (characters since the line start).
    mutating func column() -> Int {
        var (from, column) = columnAt.pos >= lineStart && columnAt.pos <= pos ? columnAt : (lineStart, 1)
        while from < pos {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnAt = (pos, column)
        return column
    }

    mutating func mark() -> Mark { YamsMark.make(line: line, column: column()) }

    /// Skips spaces and line breaks; a tab or a `#` between tokens is refused.
    mutating func skipWhitespace() throws(JSONRefusal) {
        while pos < bytes.count {
            // kubectl indents by four spaces a level: skip eight at a time where it can.
            while pos + 8 <= bytes.count, word(at: pos) == Self.spaces { pos += 8 }
            guard pos < bytes.count else { return }
            switch bytes[pos] {
            case 32: pos += 1
            case 10:
                pos += 1
                newLine()
            case 13:
                pos += 1
                if pos < bytes.count && bytes[pos] == 10 { pos += 1 }
                newLine()
            case 9, 35: throw JSONRefusal(reason: "a tab or a comment between tokens")
            default: return
            }
        }
    }

    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// Eight bytes at `i` (the caller checks that they exist), in memory order.
    private func word(at i: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Whether each of the eight bytes is printable ASCII other than `"` and `\`: the
    /// bytes the string loop passes over one at a time (a false "no" only slows it down).
    private static func plain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let below = (w &- ones &* 0x20) & ~w & high  // a byte < 0x20
        let above = ((w &+ ones) | w) & high  // a byte >= 0x7F
        let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
        let zero = ((quote &- ones) & ~quote | (slash &- ones) & ~slash) & high
        return below | above | zero == 0
    }

    private mutating func newLine() {
        line += 1
        lineStart = pos
    }

    mutating func expect(_ b: UInt8) throws(JSONRefusal) {
        guard peek == b else { throw JSONRefusal(reason: "expected '\(Character(UnicodeScalar(b)))'") }
        pos += 1
    }

    /// A string at `pos` (its opening quote). Returns the content's byte range when it has no
    /// escapes; otherwise the decoded bytes are in `decoded` and the range is nil.
    mutating func string(decoded: inout [UInt8]) throws(JSONRefusal) -> Range<Int>? {
        try expect(UInt8(ascii: "\""))
        let start = pos
        var escaped = false
        while pos < bytes.count {
            if !escaped {
                while pos + 8 <= bytes.count, Self.plain(word(at: pos)) { pos += 8 }
                guard pos < bytes.count else { break }
            }
            let b = bytes[pos]
            // Printable ASCII other than the quote and the backslash: most of any dump.
            if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                if escaped { decoded.append(b) }
                pos += 1
                continue
            }
            if b == UInt8(ascii: "\"") {
                defer { pos += 1 }
                return escaped ? nil : start..<pos
            }
            if b == UInt8(ascii: "\\") {
                if !escaped {
                    decoded.removeAll(keepingCapacity: true)
                    decoded.append(contentsOf: bytes[start..<pos])
                    escaped = true
                }
                try escape(into: &decoded)
                continue
            }
            let length = try character(at: pos)
            if escaped { decoded.append(contentsOf: bytes[pos..<pos + length]) }
            pos += length
        }
        throw JSONRefusal(reason: "a string does not end")
    }

    /// The length of the valid, libyaml-printable UTF-8 character at `i` inside a string.
    private func character(at i: Int) throws(JSONRefusal) -> Int {
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F { return 1 }
        if b < 0x80 { throw JSONRefusal(reason: "a control character in a string") }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
        guard length > 0, i + length <= bytes.count else { throw JSONRefusal(reason: "invalid UTF-8") }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { throw JSONRefusal(reason: "invalid UTF-8") }
            value = value << 6 | UInt32(c & 0x3F)
        }
        // Shortest form only, no surrogates, what libyaml's reader takes as printable, and
        // none of the characters YAML 1.1 counts as line breaks (NEL, LS, PS): in a quoted
        // key they break the key's line.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        let printable =
            ((0xA0...0xD7FF).contains(value) && value != 0x2028 && value != 0x2029)
            || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF) || (0x10000...0x10FFFF).contains(value)
        guard value >= minimum, printable else { throw JSONRefusal(reason: "a character libyaml refuses") }
        return length
    }

    /// One escape after its backslash, decoded into `out`.
    private mutating func escape(into out: inout [UInt8]) throws(JSONRefusal) {
        guard pos + 1 < bytes.count else { throw JSONRefusal(reason: "a string does not end") }
        let e = bytes[pos + 1]
        pos += 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "u"):
            guard pos + 4 <= bytes.count else { throw JSONRefusal(reason: "a string does not end") }
            var value: UInt32 = 0
            for k in 0..<4 {
                guard let d = JSONKeyCheck.hexValue(bytes[pos + k]) else { throw JSONRefusal(reason: "a bad \\u escape") }
                value = value << 4 | UInt32(d)
            }
            pos += 4
            // libyaml refuses surrogate escapes (a pair is two of them): the general reader decides.
            guard let scalar = Unicode.Scalar(value) else { throw JSONRefusal(reason: "a surrogate escape") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw JSONRefusal(reason: "an escape libyaml may read otherwise")
        }
    }

    /// A number, `true`, `false` or `null` at `pos`: its byte range. The token runs to the
    /// next space, line break, `,`, `]` or `}`, as a YAML plain scalar would, and must be
    /// one of those JSON values exactly.
    mutating func bareValue() throws(JSONRefusal) -> Range<Int> {
        let start = pos
        while pos < bytes.count, !Self.ends(bytes[pos]) { pos += 1 }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<pos])
        guard
            Self.isNumber(token) || token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8)
                || token.elementsEqual("null".utf8)
        else { throw JSONRefusal(reason: "not a JSON value") }
        return start..<pos
    }

    private static func ends(_ b: UInt8) -> Bool {
        b == 32 || b == 10 || b == 13 || b == 9 || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isNumber(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func digits() -> Int {
            let from = i
            while i < t.count, t[i] >= 48, t[i] <= 57 { i += 1 }
            return i - from
        }
        if i < t.count, t[i] == UInt8(ascii: "-") { i += 1 }
        guard i < t.count else { return false }
        if t[i] == 48 { i += 1 } else if digits() == 0 { return false }
        if i < t.count, t[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < t.count, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < t.count, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == t.count
    }
}
