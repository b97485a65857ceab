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
        let counts = [Diagnostic.Severity.error, .warning, .note].map { s in
            "\(findings.filter { $0.severity == s }.count) \(s.rawValue)(s)"
        }
        return out + counts.joined(separator: ", ") + "\n"
    }

    public static func json(_ findings: [LintFinding]) -> String { JSONOutput.encode(LintDocument(findings)) }

    /// SARIF 2.1.0 (see `SARIFDocument`).
    public static func sarif(_ findings: [LintFinding], rules: [any LintRule], version: String) -> String {
        JSONOutput.encode(SARIFDocument(findings, rules: rules, toolVersion: version))
    }
}
