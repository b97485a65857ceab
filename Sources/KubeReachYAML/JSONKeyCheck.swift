/// Finds a key written twice in one JSON object. libyaml refuses duplicate keys, but a JSON
/// document it refuses is read again by Foundation's parser (`JSONFallback`), which keeps
/// one of them silently; so JSON is checked here before that, and the refusal names the
/// key, its field path and both places. Runs only on documents the YAML parser refused.
enum JSONKeyCheck {
    struct Duplicate: Equatable {
        var key: String
        /// The key's field path (`spec.podSelector`, `spec.ingress[0].from[1].ipBlock`).
        var path: String
        /// 1-based line and column, in the document, of the second occurrence and the first.
        var line: Int, column: Int
        var firstLine: Int, firstColumn: Int
    }

    private enum Frame {
        case object(keys: [String: (line: Int, column: Int)], current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    /// The first duplicate key in document order, or nil (also for text that is not JSON:
    /// the scan stops where it stops making sense).
    ///
    /// - Complexity: O(n) in the text's length.
    static func firstDuplicate(_ text: String) -> Duplicate? {
        var stack: [Frame] = []
        var line = 1, column = 0
        var it = text.utf8.makeIterator()
        while let b = it.next() {
            advance(b, line: &line, column: &column)
            switch b {
            case UInt8(ascii: "{"): stack.append(.object(keys: [:], current: nil, expectingKey: true))
            case UInt8(ascii: "["): stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard stack.popLast() != nil else { return nil }
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let keys, let current, _)?: stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                case .array(let i)?: stack[stack.count - 1] = .array(index: i + 1)
                case nil: return nil
                }
            case UInt8(ascii: ":"):
                guard case .object(let keys, let current, _)? = stack.last else { return nil }
                stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: false)
            case UInt8(ascii: "\""):
                let at = (line: line, column: column)
                guard let s = string(&it, line: &line, column: &column) else { return nil }
                guard case .object(var keys, _, true)? = stack.last else { continue }
                if let first = keys[s] {
                    return Duplicate(
                        key: s, path: path(stack.dropLast(), key: s), line: at.line, column: at.column,
                        firstLine: first.line, firstColumn: first.column)
                }
                keys[s] = at
                stack[stack.count - 1] = .object(keys: keys, current: s, expectingKey: false)
            default: continue
            }
        }
        return nil
    }

    /// Columns count characters (UTF-8 lead bytes), as libyaml's do.
    private static func advance(_ b: UInt8, line: inout Int, column: inout Int) {
        if b == 10 {
            line += 1
            column = 0
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// The rest of a string after its opening quote, escapes decoded (so that `"a"` and
    /// `"\u0061"` are the same key); nil when it does not end.
    private static func string(_ it: inout String.UTF8View.Iterator, line: inout Int, column: inout Int) -> String? {
        var bytes: [UInt8] = []
        var units: [UInt16] = []
        func flushUnits() {
            bytes += Array(String(decoding: units, as: UTF16.self).utf8)
            units.removeAll()
        }
        while let b = it.next() {
            advance(b, line: &line, column: &column)
            if b == UInt8(ascii: "\"") {
                flushUnits()
                return String(decoding: bytes, as: UTF8.self)
            }
            guard b == UInt8(ascii: "\\") else {
                flushUnits()
                bytes.append(b)
                continue
            }
            guard let e = it.next() else { return nil }
            advance(e, line: &line, column: &column)
            if e == UInt8(ascii: "u") {
                var hex = 0
                for _ in 0..<4 {
                    guard let h = it.next(), let d = hexValue(h) else { return nil }
                    advance(h, line: &line, column: &column)
                    hex = hex * 16 + d
                }
                units.append(UInt16(hex))
                continue
            }
            flushUnits()
            switch e {
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            default: bytes.append(e)
            }
        }
        return nil
    }

    static func hexValue(_ h: UInt8) -> Int? {
        switch h {
        case 48...57: Int(h - 48)
        case 65...70: Int(h - 55)
        case 97...102: Int(h - 87)
        default: nil
        }
    }

    /// `spec.ingress[0].from` + key, as `Field` spells paths.
    private static func path(_ frames: ArraySlice<Frame>, key: String) -> String {
        var out = ""
        for frame in frames {
            switch frame {
            case .object(_, let current, _): out += out.isEmpty ? (current ?? "") : ".\(current ?? "")"
            case .array(let i): out += "[\(i)]"
            }
        }
        return out.isEmpty ? key : "\(out).\(key)"
    }
}
