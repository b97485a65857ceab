import KubeReachCore
import KubeReachLint

/// Lint findings as compiler-style lines, JSON, or SARIF 2.1.0.
public enum LintFormatter {
    /// `file:line:col: warning[rule-id]: NetworkPolicy ns/name: spec.ingress[0]: message` and a hint line;
    /// each finding's text is one line, control characters shown escaped.
    public static func text(_ findings: [LintFinding]) -> String {
        var out = ""
        for f in findings {
            out += f.location.map { "\($0): " } ?? ""
            out += "\(f.severity.rawValue)[\(f.ruleID)]: "
            if let o = f.object { out += "\(TerminalText.escaped(o)): " }
            if let p = f.fieldPath { out += "\(TerminalText.escaped(p)): " }
            out += TerminalText.escaped(f.message) + "\n    hint: \(TerminalText.escaped(f.hint))\n"
        }
        let counts = [Diagnostic.Severity.error, .warning, .note].map { s in "\(findings.filter { $0.severity == s }.count) \(s.rawValue)(s)" }
        return out + counts.joined(separator: ", ") + "\n"
    }

    public static func json(_ findings: [LintFinding]) -> String {
        let items = findings.map { f in
            "  {\"rule\": \(JSONText.quote(f.ruleID)), \"severity\": \"\(f.severity.rawValue)\", \"message\": \(JSONText.quote(f.message)), "
                + "\"hint\": \(JSONText.quote(f.hint)), \"file\": \(f.location.map { JSONText.quote($0.file) } ?? "null"), "
                + "\"line\": \(f.location?.line.map(String.init) ?? "null"), \"column\": \(f.location?.column.map(String.init) ?? "null"), "
                + "\"object\": \(f.object.map(JSONText.quote) ?? "null"), \"fieldPath\": \(f.fieldPath.map(JSONText.quote) ?? "null")}"
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// SARIF 2.1.0 with one run, the rules as `tool.driver.rules`, and one result per finding;
    /// file paths become URI references (`SARIFURI`). Validated against the OASIS schema by
    /// `Tests/SARIF/validate_sarif.py`.
    public static func sarif(_ findings: [LintFinding], rules: [any LintRule], version: String) -> String {
        func level(_ s: Diagnostic.Severity) -> String { s == .error ? "error" : s == .warning ? "warning" : "note" }
        let ruleItems = rules.map { r in
            "        {\"id\": \(JSONText.quote(r.id)), \"shortDescription\": {\"text\": \(JSONText.quote(r.summary))}, "
                + "\"help\": {\"text\": \(JSONText.quote(r.hint))}, \"defaultConfiguration\": {\"level\": \"\(level(r.severity))\"}}"
        }
        let results = findings.map { f -> String in
            var location = ""
            if let l = f.location {
                var region = "\"startLine\": \(max(l.line ?? 1, 1))"
                if let c = l.column { region += ", \"startColumn\": \(max(c, 1))" }
                let logical = (f.object.map { o in [o, f.fieldPath].compactMap { $0 }.joined(separator: ": ") }).map {
                    ", \"logicalLocations\": [{\"fullyQualifiedName\": \(JSONText.quote($0))}]"
                } ?? ""
                location = ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONText.quote(SARIFURI.reference(forPath: l.file)))}, \"region\": {\(region)}}\(logical)}]"
            }
            let index = rules.firstIndex { $0.id == f.ruleID }.map { ", \"ruleIndex\": \($0)" } ?? ""
            return "        {\"ruleId\": \(JSONText.quote(f.ruleID))\(index), \"level\": \"\(level(f.severity))\", \"message\": {\"text\": \(JSONText.quote(f.message + " (hint: " + f.hint + ")"))}\(location)}"
        }
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {"driver": {"name": "kubereach", "version": \(JSONText.quote(version)), "informationUri": "https://github.com/kubereach/kubereach", "rules": [
            \(ruleItems.joined(separator: ",\n"))
                  ]}},
                  "results": [
            \(results.joined(separator: ",\n"))
                  ]
                }
              ]
            }

            """
    }
}
