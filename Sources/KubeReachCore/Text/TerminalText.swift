/// Text from the input made safe to print on one line of a terminal, a text report or a
/// CSV cell: every control character is shown escaped, so that no name, label value, rule
/// name or file name can end a line, move the cursor back (`\r`), or hide what follows
/// (`ESC[8m`). The loader already refuses most such input (names, label keys and values);
/// this is the one helper every text formatter applies to what it interpolates, so that
/// whatever still gets through cannot forge a line either.
public enum TerminalText {
    /// `s` with C0 and C1 control characters, DEL and the bidirectional overrides and
    /// isolates (which reorder what a terminal shows) escaped: `\n`, `\r`, `\t`, else
    /// `\u{1b}`. Text without any of them is returned as it is.
    ///
    /// - Complexity: O(n); one scan when nothing needs escaping.
    /// An endpoint's printed name, escaped.
    public static func escaped(_ e: Endpoint) -> String { escaped(e.description) }

    public static func escaped(_ s: String) -> String {
        guard needsEscaping(s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(u): out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether `s` holds anything `escaped` would change.
    public static func needsEscaping(_ s: String) -> Bool {
        // Printable ASCII, by far the common case, is settled on the bytes.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        return s.unicodeScalars.contains(where: needsEscape)
    }

    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
