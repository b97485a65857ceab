import Foundation
import Testing

/// The data sets beside the checkout (`../shared`), read in place and never copied. Tests
/// that need them run when they are present; when `KUBEREACH_REQUIRE_SHARED=1` (CI sets it)
/// they run anyway and fail on missing data instead of being skipped.
public enum SharedData {
    /// `../shared` relative to the checkout holding this file, or `KUBEREACH_SHARED`.
    public static var root: String {
        if let dir = ProcessInfo.processInfo.environment["KUBEREACH_SHARED"], !dir.isEmpty { return dir }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared").standardizedFileURL.path
    }

    /// The peer tool's scenarios (`../shared/conformance/netpol-analyzer`).
    public static var netpolAnalyzer: String { root + "/conformance/netpol-analyzer" }

    public static var required: Bool { ProcessInfo.processInfo.environment["KUBEREACH_REQUIRE_SHARED"] == "1" }

    public static var present: Bool { FileManager.default.fileExists(atPath: netpolAnalyzer) }

    /// Whether tests on the shared data should run: present, or required (then they fail).
    public static var shouldRun: Bool { present || required }

    /// Fails the calling test when the data is required and missing.
    public static func requirePresent(sourceLocation: SourceLocation = #_sourceLocation) {
        if required && !present {
            Issue.record("KUBEREACH_REQUIRE_SHARED=1 but \(netpolAnalyzer) is missing", sourceLocation: sourceLocation)
        }
    }
}
