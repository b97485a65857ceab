import KubeReachCore
import KubeReachLint

/// `lint -o json`: every finding with its rule, place and hint (SARIF is `-o sarif`).
public struct LintDocument: Codable, Sendable {
    public struct Finding: Codable, Sendable, Equatable {
        public var rule: String
        public var severity: String
        public var message: String
        public var hint: String
        @Nullable public var file: String?
        @Nullable public var line: Int?
        @Nullable public var column: Int?
        @Nullable public var object: String?
        @Nullable public var fieldPath: String?
        /// `LintFinding.fingerprint`: what `--baseline` matches.
        public var fingerprint: String
    }

    public var version = JSONOutput.version
    public var findings: [Finding]
    /// Findings left out because `--baseline` holds them (0 without a baseline).
    public var baselined: Int

    public init(_ findings: [LintFinding], baselined: Int = 0) {
        self.findings = findings.map { f in
            Finding(
                rule: f.ruleID, severity: f.severity.rawValue, message: f.message, hint: f.hint, file: f.location?.file,
                line: f.location?.line, column: f.location?.column, object: f.object, fieldPath: f.fieldPath,
                fingerprint: f.fingerprint)
        }
        self.baselined = baselined
    }
}
