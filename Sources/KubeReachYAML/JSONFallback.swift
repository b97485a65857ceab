import Foundation
import Yams

/// libyaml refuses some valid JSON, e.g. a surrogate-pair escape such as `"\ud83d\ude00"`
/// (what Python's `json.dumps` writes for characters outside the BMP). A document that
/// Yams refuses but that looks like JSON is read with Foundation's JSON parser instead;
/// its nodes have no marks, so only its line numbers are lost.
enum JSONFallback {
    /// Deeper documents are not retried (the decoder recurses per level).
    static let maxDepth = 256

    /// The document as Yams nodes, or nil when it is not JSON either. Duplicate keys are
    /// the caller's to refuse first (`JSONKeyCheck`): this parser keeps one silently.
    static func node(_ text: String, depth: Int) -> Node? {
        guard depth <= maxDepth, looksLikeJSON(text) else { return nil }
        return (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))?.node
    }

    /// Whether the first non-blank character opens a JSON object or array.
    static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { ![9, 10, 13, 32].contains($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

/// Any JSON value, decoded without loss of its kind: strings stay quoted scalars, so that
/// `"80"` is still a string and `80` a number for the field readers.
private enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            // Sorted: Foundation does not keep the written key order.
            self = .object(
                try keyed.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
                    (key.stringValue, try keyed.decode(JSONValue.self, forKey: key))
                })
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .number(String(i))
        } else if let d = try? c.decode(Double.self) {
            self = .number(d == d.rounded() && abs(d) < 9.0e15 ? String(Int(d)) : String(d))
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    var node: Node {
        switch self {
        case .null: .scalar(.init("null", .implicit, .plain))
        case .bool(let b): .scalar(.init(b ? "true" : "false", .implicit, .plain))
        case .number(let n): .scalar(.init(n, .implicit, .plain))
        case .string(let s): .scalar(.init(s, .implicit, .doubleQuoted))
        case .array(let items): .sequence(.init(items.map(\.node)))
        case .object(let pairs): .mapping(.init(pairs.map { (Node.scalar(.init($0.0, .implicit, .doubleQuoted)), $0.1.node) }))
        }
    }
}
