import Foundation
import KubeReachCore
import Yams

/// One entry of an intent file, its values as written (the ports are read by the caller).
public struct IntentEntry: Sendable, Equatable {
    /// The line of the entry's list item.
    public var line: Int
    public var from: String?
    public var to: String?
    /// nil when the key is missing; a scalar is a one-element list.
    public var ports: [String]?

    public init(line: Int, from: String? = nil, to: String? = nil, ports: [String]? = nil) {
        self.line = line
        self.from = from
        self.to = to
        self.ports = ports
    }
}

/// The YAML form of `generate least-privilege --intent FILE`: a list of mappings with the keys
/// `from`, `to`, `ports` (a scalar or a list of scalars) and `description`, read through
/// Yams like manifests are. Anything else is an error naming its line.
public enum IntentDocument {
    public static let keys: Set<String> = ["from", "to", "ports", "description"]

    /// A whole intent file: CSV by the `.csv` extension, YAML otherwise.
    public static func read(_ path: String) throws(InputFileError) -> [IntentEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError(file: path, line: nil, message: "cannot read the intent file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputFileError(file: path, line: nil, message: "not UTF-8 text") }
        let entries = path.lowercased().hasSuffix(".csv") ? try csv(text, file: path) : try parse(text, file: path)
        guard !entries.isEmpty else { throw InputFileError(file: path, line: nil, message: "no intents") }
        return entries
    }

    /// `from,to,ports`; an optional header; ports separated by spaces or `;` (or commas
    /// inside quotes); `#` comment lines.
    public static func csv(_ text: String, file: String) throws(InputFileError) -> [IntentEntry] {
        var out: [IntentEntry] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let f = CSVFields.split(Substring(line)) else { throw InputFileError(file: file, line: n + 1, message: "unclosed quote") }
            if out.isEmpty && f.map({ $0.lowercased() }) == ["from", "to", "ports"] { continue }
            guard f.count == 3 else {
                throw InputFileError(file: file, line: n + 1, message: "expected 3 fields (from,to,ports), got \(f.count)")
            }
            let ports = f[2].split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map(String.init)
            out.append(IntentEntry(line: n + 1, from: f[0], to: f[1], ports: ports))
        }
        return out
    }

    public static func parse(_ text: String, file: String) throws(InputFileError) -> [IntentEntry] {
        let root: Node?
        do { root = try Yams.compose(yaml: text, .basic, .default, .utf8) } catch {
            if case YamlError.duplicatedKeysInMapping(let keys, let context) = error, let key = keys.first {
                throw InputFileError(
                    file: file, line: Self.secondLine(of: key, in: text, from: context.mark.line), message: "duplicate key '\(key)'")
            }
            let (line, problem) = Self.located(error)
            throw InputFileError(file: file, line: line, message: "not valid YAML" + (problem.map { ": \($0)" } ?? ""))
        }
        guard let root else { return [] }
        guard case .sequence(let items) = root else {
            throw InputFileError(file: file, line: Self.line(root), message: "expected a list of intents ('- from: ...')")
        }
        var out: [IntentEntry] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                throw InputFileError(file: file, line: Self.line(item), message: "expected a mapping with from, to and ports")
            }
            var entry = IntentEntry(line: Self.line(item) ?? 1)
            var seen: Set<String> = []
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard keys.contains(key) else {
                    throw InputFileError(file: file, line: Self.line(keyNode), message: "unknown key '\(key)' (expected from, to, ports)")
                }
                guard seen.insert(key).inserted else {
                    throw InputFileError(file: file, line: Self.line(keyNode), message: "duplicate key '\(key)'")
                }
                let values = try Self.scalars(value, key: key, file: file)
                switch key {
                case "from": entry.from = values.first
                case "to": entry.to = values.first
                case "ports": entry.ports = values
                default: break
                }
            }
            out.append(entry)
        }
        return out
    }

    /// A scalar as one value, a list of scalars as its values; `from` and `to` take one.
    private static func scalars(_ node: Node, key: String, file: String) throws(InputFileError) -> [String] {
        switch node {
        case .scalar(let s):
            guard !s.string.isEmpty || key == "description" else {
                throw InputFileError(file: file, line: line(node), message: "'\(key)' needs a value")
            }
            return [s.string]
        case .sequence(let list) where key == "ports":
            return try list.map { (n: Node) throws(InputFileError) -> String in
                guard case .scalar(let s) = n else {
                    throw InputFileError(file: file, line: line(n), message: "a port is a scalar such as tcp/8080")
                }
                return s.string
            }
        default:
            throw InputFileError(file: file, line: line(node), message: "'\(key)' must be a scalar\(key == "ports" ? " or a list" : "")")
        }
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    /// Where a key is written the second time, from the mapping's first line on (Yams names
    /// the mapping, not the duplicate).
    private static func secondLine(of key: String, in text: String, from start: Int) -> Int {
        var seen = 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where i + 1 >= start {
            let body = raw.drop { $0 == " " || $0 == "-" || $0 == "{" }
            if body.hasPrefix(key + ":") || raw.contains(", \(key):") || raw.contains("{\(key):") {
                seen += 1
                if seen == 2 { return i + 1 }
            }
        }
        return start
    }

    /// The line and the parser's own words (libyaml says where it noticed the problem,
    /// which for an unclosed bracket is the end of the text).
    private static func located(_ error: Error) -> (Int?, String?) {
        switch error {
        case YamlError.parser(_, let problem, let mark, _), YamlError.scanner(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return (mark.line, problem)
        default:
            return (nil, nil)
        }
    }
}
