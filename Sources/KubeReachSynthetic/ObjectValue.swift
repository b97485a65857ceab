/// A Kubernetes object as `kubectl get -o json` prints it: maps (written with sorted keys,
/// as kubectl prints them), lists and scalars; written as JSON or as YAML.
public indirect enum ObjectValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case list([ObjectValue])
    case map([(String, ObjectValue)])

    /// kubectl's JSON layout: four-space indentation, `"key": value`, `{}` and `[]` when empty.
    public func writeJSON(indent: Int, into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 4)
                item.writeJSON(indent: indent + 4, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .map(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let sorted = pairs.sorted { $0.0 < $1.0 }
            for (i, (key, value)) in sorted.enumerated() {
                out += String(repeating: " ", count: indent + 4)
                Self.quote(key, into: &out)
                out += ": "
                value.writeJSON(indent: indent + 4, into: &out)
                out += i == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// kubectl's YAML layout: block maps and lists (list items not indented under their key),
    /// strings double-quoted with JSON escapes (valid YAML), plain keys where they are plain.
    public func writeYAML(indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .string, .int, .bool, .null:
            writeYAMLScalar(into: &out)
            out += "\n"
        case .list(let items):
            for item in items {
                out += pad + "-"
                item.writeYAMLNested(indent: indent + 2, inList: true, into: &out)
            }
        case .map(let pairs):
            for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
                out += pad
                Self.yamlKey(key, into: &out)
                out += ":"
                value.writeYAMLNested(indent: indent + 2, inList: false, into: &out)
            }
        }
    }

    /// The value after `key:` or `-`: inline when a scalar or empty, else on the next lines.
    private func writeYAMLNested(indent: Int, inList: Bool, into out: inout String) {
        switch self {
        case .list(let items) where items.isEmpty: out += " []\n"
        case .map(let pairs) where pairs.isEmpty: out += " {}\n"
        case .string, .int, .bool, .null:
            out += " "
            writeYAMLScalar(into: &out)
            out += "\n"
        case .map where inList:
            // `- key: value` with the other keys aligned under the first.
            var body = ""
            writeYAML(indent: indent, into: &body)
            out += " " + body.dropFirst(indent)
        case .list:
            // kubectl writes a list under a key at the key's own indentation.
            out += "\n"
            writeYAML(indent: inList ? indent : indent - 2, into: &out)
        case .map:
            out += "\n"
            writeYAML(indent: indent, into: &out)
        }
    }

    private func writeYAMLScalar(into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        default: break
        }
    }

    private static func yamlKey(_ key: String, into out: inout String) {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy {
                ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || "./-_".utf8.contains($0)
            }
            && !"-.".utf8.contains(key.utf8.first!)
        if plain { out += key } else { quote(key, into: &out) }
    }

    /// One line of JSON, as `kubectl apply` stores it in `last-applied-configuration`.
    public var compactJSON: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(into: &out)
            }
            out += "]"
        case .map(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if i > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                value.writeCompact(into: &out)
            }
            out += "}"
        default: writeJSON(indent: 0, into: &out)
        }
    }

    /// What Go's encoder writes for these characters (kubectl escapes `<`, `>` and `&` too).
    private static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
    ]

    /// A JSON string literal (also a YAML double-quoted scalar).
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            if let escaped = escapes[scalar] {
                out += escaped
            } else if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
