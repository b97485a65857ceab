/// A source's bytes as text the splitter and Yams agree on: no UTF-8 byte order mark, and
/// every line break a single LF (CRLF and lone CR both count as one break in YAML), so
/// that our line numbers and libyaml's are the same.
enum SourceText {
    /// nil when the bytes are not valid UTF-8.
    static func decode(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.contains(13) else { return String(validating: body, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b == 13 {
                out.append(10)
                let next = body.index(after: i)
                if next < body.endIndex && body[next] == 10 { i = next }
            } else {
                out.append(b)
            }
            i = body.index(after: i)
        }
        return String(validating: out, as: UTF8.self)
    }
}
