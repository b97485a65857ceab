/// Where the items of a `List` lie in JSON bytes, found by one cheap pass that only follows
/// strings (quotes and escapes), brackets and commas, so that the items can then be read on
/// every core. It checks nothing else: each item is read and checked by a `JSONTreeBuilder`
/// that must end exactly where the next one starts (`JSONParallelList`); a pass that found
/// something else only sends the document to the sequential reader.
struct JSONItemBounds {
    /// A position with the line bookkeeping a `JSONCursor` resumes from.
    typealias Place = (pos: Int, line: Int, lineStart: Int)

    /// Each item's first byte.
    var starts: [Place] = []
    /// The `[` of the items list.
    var open: Place = (0, 1, 0)
    /// Just after the list's `]`.
    var end: Place = (0, 1, 0)

    /// The bounds of the first `items` list of the top-level object (its key written without
    /// escapes), or nil when there is none or the text ends first.
    /// `release` is given the bytes the pass has left behind, in steps (a mapped file's pages
    /// go back to the kernel as the pass goes, instead of the whole file becoming resident).
    static func find(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, release: ((Range<Int>) -> Void)? = nil,
        step: Int = SourceBytes.releaseStep
    ) -> JSONItemBounds? {
        var scan = Scan(bytes: bytes, pos: start, lineStart: start)
        if let release {
            scan.release = release
            scan.step = step
            scan.nextRelease = start + step
        }
        let found = scan.run()
        release?(scan.released..<bytes.count)
        return found
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos: Int
        var line = 1
        var lineStart: Int
        var depth = 0
        /// 1: the top level's key `"items"` was just read; 2: and its `:`.
        var itemsKey = 0
        /// The depth inside the items list (0 before it).
        var itemsDepth = 0
        /// The next token starts an item.
        var expectItem = false
        var out = JSONItemBounds()
        var release: ((Range<Int>) -> Void)?
        /// The bytes before this were handed to `release`.
        var released = 0
        /// Where the pass next hands bytes back (never without `release`); checked once per
        /// token, so that one-line (`jq -c`) dumps are handed back as they are passed too.
        var nextRelease = Int.max
        var step = SourceBytes.releaseStep

        init(bytes: UnsafeBufferPointer<UInt8>, pos: Int, lineStart: Int) {
            self.bytes = bytes
            self.pos = pos
            self.lineStart = lineStart
        }

        var here: Place { (pos, line, lineStart) }

        mutating func run() -> JSONItemBounds? {
            let n = bytes.count
            while pos < n {
                if pos >= nextRelease { handBack() }
                while pos + 8 <= n, word(at: pos) == 0x2020_2020_2020_2020 { pos += 8 }
                guard pos < n else { break }
                let b = bytes[pos]
                switch b {
                case 32:
                    pos += 1
                    continue
                case 10:
                    pos += 1
                    newLine()
                    continue
                case 13:
                    pos += 1
                    if pos < n && bytes[pos] == 10 { pos += 1 }
                    newLine()
                    continue
                default: break
                }
                let closesItems = itemsDepth > 0 && depth == itemsDepth && b == UInt8(ascii: "]")
                if expectItem && !closesItems { out.starts.append(here) }
                expectItem = false
                switch b {
                case UInt8(ascii: "\""):
                    let from = pos + 1
                    guard let close = stringEnd(from: from) else { return nil }
                    pos = close + 1
                    itemsKey = depth == 1 && itemsDepth == 0 && isItems(from..<close) ? 1 : 0
                case UInt8(ascii: ":"):
                    itemsKey = itemsKey == 1 ? 2 : 0
                    pos += 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if b == UInt8(ascii: "[") && itemsKey == 2 {
                        out.open = here
                        itemsDepth = depth + 1
                        expectItem = true
                    }
                    itemsKey = 0
                    depth += 1
                    pos += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    itemsKey = 0
                    pos += 1
                    if closesItems {
                        out.end = here
                        return out
                    }
                    depth -= 1
                    guard depth >= 0 else { return nil }
                case UInt8(ascii: ","):
                    itemsKey = 0
                    expectItem = itemsDepth > 0 && depth == itemsDepth
                    pos += 1
                default:
                    itemsKey = 0
                    pos += 1
                }
            }
            return nil
        }

        private mutating func handBack() {
            release?(released..<pos)
            released = pos
            nextRelease = pos + step
        }

        private mutating func newLine() {
            line += 1
            lineStart = pos
        }

        private func isItems(_ r: Range<Int>) -> Bool {
            r.count == 5 && UnsafeBufferPointer(rebasing: bytes[r]).elementsEqual("items".utf8)
        }

        /// The closing quote of the string whose content starts at `from`.
        private func stringEnd(from: Int) -> Int? {
            var i = from
            let n = bytes.count
            while i < n {
                while i + 8 <= n, !Self.hasQuoteOrBackslash(word(at: i)) { i += 8 }
                guard i < n else { return nil }
                switch bytes[i] {
                case UInt8(ascii: "\""): return i
                case UInt8(ascii: "\\"): i += 2
                default: i += 1
                }
            }
            return nil
        }

        private func word(at i: Int) -> UInt64 {
            UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
        }

        /// Whether one of the eight bytes is `"` or `\` (exact: no false answers either way).
        private static func hasQuoteOrBackslash(_ w: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C)
            return ((quote &- ones) & ~quote | (slash &- ones) & ~slash) & high != 0
        }
    }
}
