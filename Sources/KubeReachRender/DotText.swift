/// Escaping for the diagram's DOT. Names come from manifests (or from code), so any
/// character may appear; the DOT must parse and Graphviz's SVG must stay well-formed XML.
enum DotText {
    /// A quoted DOT identifier. Quotes and backslashes escaped; control characters written
    /// visibly (`\n`, `\x01`), since Graphviz copies names into SVG titles unchecked.
    static func id(_ s: String) -> String {
        var out = "\""
        for c in visible(s).unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// Text for an HTML-like label (`label=<...>`): markup characters as entities.
    static func html(_ s: String) -> String {
        var out = ""
        for c in visible(s).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Characters XML forbids become visible escapes (`\n`, `\x1B`, U+FFFD), and an `&`
    /// that could read as an entity gets a word joiner after it: Graphviz's SVG writer
    /// leaves `&name;` and `&#1;` unescaped, which would break the XML.
    static func visible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c.value {
            case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
            case 0x09: out.append(c)
            case 0..<0x20: out.append(contentsOf: "\\x\(hex(c.value))".unicodeScalars)
            case 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
            case 0x26:
                out.append(c)
                if i + 1 < scalars.count, entityStart(scalars[i + 1]) { out.append("\u{2060}") }
            default: out.append(c)
            }
        }
        return String(out)
    }

    private static func entityStart(_ c: Unicode.Scalar) -> Bool {
        c == "#" || c == ";" || (c.isASCII && c.properties.isAlphabetic)
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 4) & 15], digits[Int(v) & 15]])
    }
}
