import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML

/// One entry of an intent file with its ports read, before its endpoints are resolved.
struct IntentRecord: Sendable, Equatable {
    var from: String
    var to: String
    var connections: ConnectionSet
    var line: Int
}

/// `--intent FILE`: the entries `IntentDocument` reads (CSV or YAML, in the YAML module),
/// each with its ports read by `PortSpec`; a problem names the file and line.
enum IntentFile {
    static func read(_ path: String) throws(InputFileError) -> [IntentRecord] {
        try IntentDocument.read(path).map { e throws(InputFileError) in try record(e, file: path) }
    }

    static func record(_ e: IntentEntry, file: String) throws(InputFileError) -> IntentRecord {
        guard let from = e.from, !from.isEmpty else { throw InputFileError(file: file, line: e.line, message: "missing 'from'") }
        guard let to = e.to, !to.isEmpty else { throw InputFileError(file: file, line: e.line, message: "missing 'to'") }
        guard let ports = e.ports, !ports.isEmpty else {
            throw InputFileError(file: file, line: e.line, message: "missing 'ports' (write [all] for every port)")
        }
        var c = ConnectionSet.none
        for p in ports {
            do { c = c.union(try PortSpec.parse(p)) } catch { throw InputFileError(file: file, line: e.line, message: error.description) }
        }
        return IntentRecord(from: from, to: to, connections: c, line: e.line)
    }
}
