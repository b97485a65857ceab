import KubeReachCore
import KubeReachLint

/// Lint findings as compiler-style lines, JSON, or SARIF 2.1.0.
public enum LintFormatter {
    /// `file:line:col: warning[rule-id]: NetworkPolicy ns/name: spec.ingress[0]: message` and a hint line;
    /// each finding's text is one line, control characters shown escaped.
    public static func text(_ findings: [LintFinding], baselined: Int = 0) -> String {
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
        let known = baselined > 0 ? "; \(baselined) finding(s) in the baseline not shown" : ""
        return out + counts.joined(separator: ", ") + known + "\n"
    }

    public static func json(_ findings: [LintFinding], baselined: Int = 0) -> String {
        JSONOutput.encode(LintDocument(findings, baselined: baselined))
    }

    /// The `--write-baseline` file: every finding's fingerprint, with what it stands for.
    public static func baseline(_ findings: [LintFinding]) -> String { JSONOutput.encode(LintBaselineDocument(findings)) }

    /// SARIF 2.1.0 (see `SARIFDocument`).
    public static func sarif(_ findings: [LintFinding], rules: [any LintRule], version: String) -> String {
        JSONOutput.encode(SARIFDocument(findings, rules: rules, toolVersion: version))
    }
}
