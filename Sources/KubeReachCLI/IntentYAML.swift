/// The YAML subset of intent files: a list of mappings with the keys `from`, `to` and
/// `ports`, block style (`- from: a` then `  to: b`) or flow style (`- {from: a, ...}`).
struct IntentYAML {
    let file: String
    static let keys: Set<String> = ["from", "to", "ports", "description"]

    /// The item being read: its line, its fields, and the key whose block list is open.
    private struct Item {
        var line: Int
        var fields: [String: [String]] = [:]
        var contentIndent: Int
        var openList: String?
    }

    func parse(_ text: String) throws(InputFileError) -> [IntentRecord] {
        var items: [Item] = [], itemIndent: Int?
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = n + 1
            let line = Self.strippingComment(String(raw))
            let body = line.trimmingWhitespace()
            if body.isEmpty || body == "---" { continue }
            let indent = line.prefix { $0 == " " }.count
            if line.contains("\t") { throw error(lineNo, "tabs are not allowed for indentation") }
            let isDash = body == "-" || body.hasPrefix("- ")
            if isDash, var item = items.last, let key = item.openList, indent >= item.contentIndent {
                item.fields[key, default: []].append(Self.unquote(String(body.dropFirst()).trimmingWhitespace()))
                items[items.count - 1] = item
                continue
            }
            if isDash && (itemIndent == nil || indent == itemIndent) {
                itemIndent = indent
                var item = Item(line: lineNo, contentIndent: indent + 2)
                let rest = String(body.dropFirst()).trimmingWhitespace()
                if rest.hasPrefix("{") {
                    guard rest.hasSuffix("}") else { throw error(lineNo, "a flow mapping must end on its line with '}'") }
                    for part in Self.splitFlow(String(rest.dropFirst().dropLast())) where !part.isEmpty {
                        try add(part, to: &item, line: lineNo)
                    }
                } else if !rest.isEmpty {
                    try add(rest, to: &item, line: lineNo)
                }
                items.append(item)
                continue
            }
            guard var item = items.last, indent == item.contentIndent, !isDash else {
                throw error(lineNo, items.isEmpty ? "expected a list of intents ('- from: ...')" : "unexpected indentation or list item")
            }
            item.openList = nil
            try add(body, to: &item, line: lineNo)
            items[items.count - 1] = item
        }
        var out: [IntentRecord] = []
        for item in items {
            out.append(try IntentFile.record(from: item.fields["from"]?.first, to: item.fields["to"]?.first, ports: item.fields["ports"], file: file, line: item.line))
        }
        return out
    }

    /// `key: value`, `key: [a, b]`, or `key:` opening a block list.
    private func add(_ text: String, to item: inout Item, line: Int) throws(InputFileError) {
        guard let colon = text.firstIndex(of: ":") else { throw error(line, "expected 'key: value', got '\(text)'") }
        let key = String(text[..<colon]).trimmingWhitespace()
        let value = String(text[text.index(after: colon)...]).trimmingWhitespace()
        guard Self.keys.contains(key) else { throw error(line, "unknown key '\(key)' (expected from, to, ports)") }
        guard item.fields[key] == nil else { throw error(line, "duplicate key '\(key)'") }
        if value.isEmpty {
            guard key == "ports" else { throw error(line, "'\(key)' needs a value") }
            item.fields[key] = []
            item.openList = key
        } else if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw error(line, "a flow list must end on its line with ']'") }
            item.fields[key] = Self.splitFlow(String(value.dropFirst().dropLast())).filter { !$0.isEmpty }.map(Self.unquote)
        } else {
            item.fields[key] = [Self.unquote(value)]
        }
    }

    private func error(_ line: Int, _ message: String) -> InputFileError { InputFileError(file: file, line: line, message: message) }

    /// Splits at top-level commas (not inside brackets or quotes); parts trimmed.
    static func splitFlow(_ s: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0, quote: Character?
        for c in s {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == "," && depth == 0 {
                parts.append(current.trimmingWhitespace())
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current.trimmingWhitespace())
        return parts
    }

    static func unquote(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, f == s.last, f == "'" || f == "\"" else { return s }
        return String(s.dropFirst().dropLast())
    }

    /// The line without a `#` comment (a `#` at the start or after a space, outside quotes).
    static func strippingComment(_ line: String) -> String {
        var quote: Character?, previous: Character = " "
        for (i, c) in zip(line.indices, line) {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t") {
                return String(line[..<i])
            }
            previous = c
        }
        return line
    }
}
