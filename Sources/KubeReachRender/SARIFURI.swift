/// File paths as the URI references SARIF requires (`artifactLocation.uri` is a URI, not a
/// path): code-scanning uploads resolve it against the repository root, and a raw path with
/// a space, `#`, `%` or `:` in it would be read as another file or as a fragment.
enum SARIFURI {
    /// Bytes that stand for themselves in a path: RFC 3986 unreserved characters and `/`.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    /// A relative path stays relative (`dir%20a/p.yaml`); an absolute one becomes a `file:`
    /// URI. Every other byte of the UTF-8 path is percent-encoded, so decoding gives the
    /// path back exactly, whatever it holds (quotes, newlines, emoji).
    static func reference(forPath path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        let hex = Array("0123456789ABCDEF")
        for byte in path.utf8 {
            if isPlain(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
