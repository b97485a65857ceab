/// A Calico selector expression, as written in `projectcalico.org/v3` `selector`,
/// `namespaceSelector`, `serviceAccounts.selector` and rule `source`/`destination` fields.
///
/// Evaluation follows libcalico-go: a missing label fails `==`, `in`, `contains`,
/// `starts with`, `ends with` and `has`, and satisfies `!=` and `not in`; comparisons are
/// byte for byte. `global()` is true for every label map: whether an endpoint is global (not
/// namespaced) is decided by the caller, which owns the namespace facts.
public indirect enum CalicoSelector: Hashable, Sendable {
    /// `all()`, and the empty selector.
    case all
    /// `global()`: only meaningful in a `namespaceSelector`.
    case global
    case has(String)
    case equals(String, String)
    case notEquals(String, String)
    case contains(String, String)
    case startsWith(String, String)
    case endsWith(String, String)
    /// Values sorted and de-duplicated so equal selectors compare equal.
    case inSet(String, [String])
    case notInSet(String, [String])
    case not(CalicoSelector)
    case and([CalicoSelector])
    case or([CalicoSelector])

    /// Whether the labels satisfy this selector.
    public func matches(_ labels: [String: String]) -> Bool {
        switch self {
        case .all, .global: return true
        case .has(let key): return labels[key] != nil
        case .equals(let key, let value): return labels[key].map { $0.utf8.elementsEqual(value.utf8) } ?? false
        case .notEquals(let key, let value): return labels[key].map { !$0.utf8.elementsEqual(value.utf8) } ?? true
        case .contains(let key, let part): return labels[key].map { Self.bytes($0, contain: part) } ?? false
        case .startsWith(let key, let prefix): return labels[key].map { $0.utf8.starts(with: prefix.utf8) } ?? false
        case .endsWith(let key, let suffix):
            return labels[key].map { $0.utf8.reversed().starts(with: suffix.utf8.reversed()) } ?? false
        case .inSet(let key, let values): return labels[key].map { Self.set(values, holds: $0) } ?? false
        case .notInSet(let key, let values): return labels[key].map { !Self.set(values, holds: $0) } ?? true
        case .not(let inner): return !inner.matches(labels)
        case .and(let terms): return terms.allSatisfy { $0.matches(labels) }
        case .or(let terms): return terms.contains { $0.matches(labels) }
        }
    }

    /// Every label key the selector reads (for the label index and lint).
    public var keys: Set<String> {
        switch self {
        case .all, .global: return []
        case .has(let key), .equals(let key, _), .notEquals(let key, _), .contains(let key, _),
            .startsWith(let key, _), .endsWith(let key, _), .inSet(let key, _), .notInSet(let key, _):
            return [key]
        case .not(let inner): return inner.keys
        case .and(let terms), .or(let terms): return terms.reduce(into: []) { $0.formUnion($1.keys) }
        }
    }

    /// Whether `global()` appears anywhere (a namespace selector that admits global endpoints).
    public var mentionsGlobal: Bool {
        switch self {
        case .global: return true
        case .not(let inner): return inner.mentionsGlobal
        case .and(let terms), .or(let terms): return terms.contains { $0.mentionsGlobal }
        default: return false
        }
    }

    private static func set(_ values: [String], holds value: String) -> Bool {
        values.contains { $0.utf8.elementsEqual(value.utf8) }
    }

    private static func bytes(_ text: String, contain part: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(part.utf8)
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}

extension CalicoSelector: CustomStringConvertible {
    /// The canonical text, in Calico's own spelling (`a == "x"`, `(p && q)`).
    public var description: String {
        switch self {
        case .all: return "all()"
        case .global: return "global()"
        case .has(let key): return "has(\(key))"
        case .equals(let key, let value): return "\(key) == \(Self.quoted(value))"
        case .notEquals(let key, let value): return "\(key) != \(Self.quoted(value))"
        case .contains(let key, let value): return "\(key) contains \(Self.quoted(value))"
        case .startsWith(let key, let value): return "\(key) starts with \(Self.quoted(value))"
        case .endsWith(let key, let value): return "\(key) ends with \(Self.quoted(value))"
        case .inSet(let key, let values): return "\(key) in {\(values.map(Self.quoted).joined(separator: ", "))}"
        case .notInSet(let key, let values): return "\(key) not in {\(values.map(Self.quoted).joined(separator: ", "))}"
        case .not(let inner): return "!\(inner)"
        case .and(let terms): return "(" + terms.map(\.description).joined(separator: " && ") + ")"
        case .or(let terms): return "(" + terms.map(\.description).joined(separator: " || ") + ")"
        }
    }

    /// Double quotes unless the value holds one (Calico has no escapes).
    private static func quoted(_ value: String) -> String {
        value.contains("\"") ? "'\(value)'" : "\"\(value)\""
    }
}
