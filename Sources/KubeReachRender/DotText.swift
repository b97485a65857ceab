/// Escaping for the diagram's DOT. Names come from manifests (or from code), so any
/// character may appear; the DOT must parse and Graphviz's SVG must stay well-formed XML.
public enum DotText {
    /// A quoted DOT identifier; control characters shown as their Unicode pictures (`␊`),
    /// since Graphviz copies names into SVG titles unchecked and XML forbids them.
    ///
    /// Graphviz's scanner turns `\"` into a quote and keeps `\\` as two backslashes; any
    /// other backslash is literal. So a backslash is doubled only before a quote, another
    /// backslash or the closing quote: such names gain a backslash (the only way to write
    /// them), others come back exactly, and distinct names stay distinct.
    public static func id(_ s: String) -> String {
        var out = "\""
        let scalars = Array(visible(s).unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c {
            case "\"": out += "\\\""
            case "\\":
                let next = i + 1 < scalars.count ? scalars[i + 1] : "\""
                out += next == "\"" || next == "\\" ? "\\\\" : "\\"
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

    /// Characters XML forbids become visible: control characters as their Unicode pictures
    /// (U+2400 + code: a line feed shows as `␊`), U+FFFE/U+FFFF as U+FFFD. An `&` that could
    /// read as an entity gets a word joiner after it: Graphviz's SVG writer leaves `&name;`
    /// and `&#1;` unescaped, which would break the XML.
    static func visible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c.value {
            case 0x09: out.append(c)
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + c.value) ?? "\u{FFFD}")
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
}

/// DOT attributes in order, a later value for a key replacing the earlier one in place.
struct DotAttributes {
    private var pairs: [(key: String, value: String)] = []

    init(_ pairs: [(String, String)] = []) { for (k, v) in pairs { self[k] = v } }

    subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    func each(_ body: (String, String) -> Void) { for p in pairs { body(p.key, p.value) } }

    /// `[a=1 b="x"]`; values are written as given (already quoted or `<...>`).
    var text: String { "[" + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "]" }
}
