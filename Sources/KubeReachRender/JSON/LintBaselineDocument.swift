import Foundation
import KubeReachCore
import KubeReachLint

/// `lint --write-baseline FILE` writes it, `lint --baseline FILE` reads it: the findings
/// accepted so far, by fingerprint (rule, object, field path: never the line). The other
/// fields say what each one was, for the reviewer of the file; only `fingerprint` is matched.
public struct LintBaselineDocument: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        @Nullable public var object: String?
        @Nullable public var fieldPath: String?
        public var message: String
    }

    public var version = JSONOutput.version
    public var kind = Self.kindName
    public var findings: [Entry]

    public static let kindName = "kubereach-lint-baseline"

    public init(_ findings: [LintFinding]) {
        self.findings = findings.map {
            Entry(fingerprint: $0.fingerprint, rule: $0.ruleID, object: $0.object, fieldPath: $0.fieldPath, message: $0.message)
        }.sorted { ($0.fingerprint, $0.message) < ($1.fingerprint, $1.message) }
    }

    /// A baseline file's fingerprints, or what is wrong with it.
    public static func fingerprints(_ bytes: [UInt8]) -> Result<[String], BaselineError> {
        guard let document = try? JSONDecoder().decode(Self.self, from: Data(bytes)) else {
            return .failure(BaselineError("not a lint baseline (write one with `kubereach lint --write-baseline FILE`)"))
        }
        guard document.kind == kindName, document.version == JSONOutput.version else {
            return .failure(
                BaselineError("kind '\(document.kind)' version \(document.version): expected \(kindName) version \(JSONOutput.version)"))
        }
        return .success(document.findings.map(\.fingerprint))
    }
}

/// Why a baseline file could not be used.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
