import Foundation
import Testing

/// Golden-file comparison. Files live in `Golden/` beside this file (found through
/// `#filePath`, so re-recording writes into the source tree); set `KUBEREACH_RECORD=1`
/// to rewrite them. On mismatch, the failure shows a line diff.
public func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = dir.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["KUBEREACH_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run with KUBEREACH_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record(
            "\(name) differs from its golden file:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }
}

/// `-` expected lines missing from actual, `+` actual lines not expected, in order.
public func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let diff = a.difference(from: e)
    return diff.map { change in
        switch change {
        case .insert(let offset, let line, _): "+\(offset + 1): \(line)"
        case .remove(let offset, let line, _): "-\(offset + 1): \(line)"
        }
    }.joined(separator: "\n")
}
