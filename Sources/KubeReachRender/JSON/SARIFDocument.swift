import KubeReachCore
import KubeReachLint

/// `lint -o sarif`: SARIF 2.1.0 with one run, the rules as `tool.driver.rules`, and one
/// result per finding; file paths become URI references (`SARIFURI`). Its `version` is
/// SARIF's own ("2.1.0"). Validated against the OASIS schema by `Tests/SARIF/validate_sarif.py`.
public struct SARIFDocument: Codable, Sendable {
    public struct Text: Codable, Sendable { public var text: String }
    public struct Level: Codable, Sendable { public var level: String }

    public struct Rule: Codable, Sendable {
        public var id: String
        public var shortDescription: Text
        public var help: Text
        public var defaultConfiguration: Level
    }

    public struct Driver: Codable, Sendable {
        public var name = "kubereach"
        public var version: String
        public var informationUri = "https://github.com/kubereach/kubereach"
        public var rules: [Rule]
    }

    public struct Tool: Codable, Sendable { public var driver: Driver }

    public struct Region: Codable, Sendable {
        public var startLine: Int
        public var startColumn: Int?
    }

    public struct ArtifactLocation: Codable, Sendable { public var uri: String }

    public struct PhysicalLocation: Codable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct LogicalLocation: Codable, Sendable { public var fullyQualifiedName: String }

    public struct Location: Codable, Sendable {
        public var physicalLocation: PhysicalLocation
        public var logicalLocations: [LogicalLocation]?
    }

    public struct Result: Codable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int?
        public var level: String
        public var message: Text
        public var locations: [Location]?
        /// The finding's line-independent fingerprint (`LintFinding.fingerprint`), so
        /// code-scanning services follow a finding across edits as `--baseline` does.
        public var partialFingerprints: [String: String]?
    }

    public struct Run: Codable, Sendable {
        public var tool: Tool
        public var results: [Result]
    }

    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public init(_ findings: [LintFinding], rules: [any LintRule], toolVersion: String) {
        func level(_ s: Diagnostic.Severity) -> String { s == .error ? "error" : s == .warning ? "warning" : "note" }
        let ruleItems = rules.map {
            Rule(
                id: $0.id, shortDescription: Text(text: $0.summary), help: Text(text: $0.hint),
                defaultConfiguration: Level(level: level($0.severity)))
        }
        let results = findings.map { f -> Result in
            let locations = f.location.map { l -> [Location] in
                let logical = f.object.map { o in
                    [LogicalLocation(fullyQualifiedName: [o, f.fieldPath].compactMap { $0 }.joined(separator: ": "))]
                }
                let region = Region(startLine: max(l.line ?? 1, 1), startColumn: l.column.map { max($0, 1) })
                return [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: SARIFURI.reference(forPath: l.file)), region: region),
                        logicalLocations: logical)
                ]
            }
            return Result(
                ruleId: f.ruleID, ruleIndex: rules.firstIndex { $0.id == f.ruleID }, level: level(f.severity),
                message: Text(text: f.message + " (hint: " + f.hint + ")"), locations: locations,
                partialFingerprints: ["kubereach/v1": f.fingerprint])
        }
        runs = [Run(tool: Tool(driver: Driver(version: toolVersion, rules: ruleItems)), results: results)]
    }
}
