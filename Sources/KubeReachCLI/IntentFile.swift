import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML

/// One line of an intent file, before its endpoints are resolved against the cluster.
struct IntentRecord: Sendable, Equatable {
    var from: String
    var to: String
    var connections: ConnectionSet
    var line: Int
}

/// Reads `--intent FILE`: CSV (`from,to,ports`, by the `.csv` extension) or a YAML list of
/// `{from, to, ports}` mappings (`IntentDocument`, read through Yams in the YAML module).
/// Anything else is an error naming its line.
enum IntentFile {
    static func read(_ path: String) throws(InputFileError) -> [IntentRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError(file: path, line: nil, message: "cannot read the intent file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputFileError(file: path, line: nil, message: "not UTF-8 text") }
        let records = path.lowercased().hasSuffix(".csv") ? try csv(text, file: path) : try IntentDocument.parse(text, file: path).map { e throws(InputFileError) in
                try record(from: e.from, to: e.to, ports: e.ports, file: path, line: e.line)
            }
        guard !records.isEmpty else { throw InputFileError(file: path, line: nil, message: "no intents") }
        return records
    }

    /// `from,to,ports`; an optional header; ports separated by spaces or `;` (or commas
    /// inside quotes); `#` comment lines.
    static func csv(_ text: String, file: String) throws(InputFileError) -> [IntentRecord] {
        var out: [IntentRecord] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let f = CSVFields.split(Substring(line)) else { throw InputFileError(file: file, line: n + 1, message: "unclosed quote") }
            let header: [String] = f.map { $0.lowercased() }
            if out.isEmpty && header == ["from", "to", "ports"] { continue }
            guard f.count == 3 else { throw InputFileError(file: file, line: n + 1, message: "expected 3 fields (from,to,ports), got \(f.count)") }
            let ports = f[2].split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map(String.init)
            out.append(try record(from: f[0], to: f[1], ports: ports, file: file, line: n + 1))
        }
        return out
    }

    static func record(from: String?, to: String?, ports: [String]?, file: String, line: Int) throws(InputFileError) -> IntentRecord {
        guard let from, !from.isEmpty else { throw InputFileError(file: file, line: line, message: "missing 'from'") }
        guard let to, !to.isEmpty else { throw InputFileError(file: file, line: line, message: "missing 'to'") }
        guard let ports, !ports.isEmpty else {
            throw InputFileError(file: file, line: line, message: "missing 'ports' (write [all] for every port)")
        }
        var c = ConnectionSet.none
        for p in ports {
            do { c = c.union(try PortSpec.parse(p)) } catch { throw InputFileError(file: file, line: line, message: error.description) }
        }
        return IntentRecord(from: from, to: to, connections: c, line: line)
    }
}
