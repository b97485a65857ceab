/// Escaping for the HTML report. Names come from manifests (or code), so any character may
/// appear; none may open a tag, end an attribute or a `<script>` block.
public enum HTMLText {
    /// Text or a double- or single-quoted attribute value: `& < > " '` as entities. Control
    /// characters other than tab and newline become their Unicode pictures (as in the
    /// diagram), so a name cannot smuggle a form feed or NUL into the page.
    public static func escape(_ s: String) -> String {
        // Most names need nothing: checked on the bytes, returned as they are.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out.unicodeScalars.append(Unicode.Scalar(0x2400 + min(c.value, 0x21)) ?? "\u{FFFD}")
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// JSON text made safe inside `<script type="application/json">`: every `<` written as
    /// `\u003c` (valid JSON, same value), so neither `</script` nor `<!--` can appear and
    /// end or confuse the block. Only for JSON whose `<` are all inside strings.
    public static func scriptJSON(_ json: String) -> String {
        json.replacing("<", with: "\\u003c")
    }

    /// Graphviz's SVG document as an element to inline in HTML: the XML declaration, the
    /// DOCTYPE (it names a DTD by URL) and comments are dropped; from `<svg` on the markup
    /// is kept as Graphviz escaped it (names in `<title>` and attributes are entities).
    public static func inlineSVG(_ svg: String) -> String? {
        guard let start = svg.firstRange(of: "<svg") else { return nil }
        var body = Substring(svg[start.lowerBound...])
        var out = ""
        while let open = body.firstRange(of: "<!--") {
            out += body[..<open.lowerBound]
            guard let close = body[open.upperBound...].firstRange(of: "-->") else { return nil }
            body = body[close.upperBound...]
        }
        out += body
        return out.trimmingSuffixWhitespace()
    }
}

extension String {
    /// Without trailing spaces and newlines.
    func trimmingSuffixWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\n" || last == "\r" || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
