import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML

/// One entry of an intent file with its ports read, before its endpoints are resolved.
struct IntentRecord: Sendable, Equatable {
    var from: String
    var to: String
    var ports: [PortSpecifier]
    var line: Int

    /// The connections the ports stand for toward the destination's pods (nil: an address
    /// range, where a port name cannot resolve).
    func connections(toward pods: [Pod]?) throws(PortSpecifier.ResolveError) -> ConnectionSet {
        var c = ConnectionSet.none
        for p in ports { c = c.union(try p.connections(on: pods)) }
        return c
    }
}

/// `--intent FILE`: the entries `IntentDocument` reads (CSV or YAML, in the YAML module),
/// each with its ports read by `PortSpecifier`; a problem names the file and line.
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
        var specs: [PortSpecifier] = []
        for p in ports {
            do { specs.append(try PortSpecifier.parse(p)) } catch {
                throw InputFileError(file: file, line: e.line, message: error.description)
            }
        }
        return IntentRecord(from: from, to: to, ports: specs, line: e.line)
    }
}
