import KubeReachCore

/// Keeps a flood of one mistake readable: a 75,000-pod dump with one bad address pattern
/// would otherwise print thousands of near-identical lines. Past `limit` diagnostics of one
/// kind, the rest are replaced by one line saying how many (`--max-errors`, 0 = all).
enum DiagnosticVolume {
    static let defaultLimit = 50

    /// `diagnostics` in order, at most `limit` of each kind, then (where the first one left
    /// out was) one line per kind counting the rest. `limit` 0 keeps everything.
    static func limited(_ diagnostics: [Diagnostic], to limit: Int) -> [Diagnostic] {
        guard limit > 0 else { return diagnostics }
        var seen: [String: Int] = [:]
        for d in diagnostics { seen[kind(of: d), default: 0] += 1 }
        guard seen.values.contains(where: { $0 > limit }) else { return diagnostics }
        var shown: [String: Int] = [:]
        var out: [Diagnostic] = []
        for d in diagnostics {
            let k = kind(of: d)
            shown[k, default: 0] += 1
            let n = shown[k]!
            if n <= limit {
                out.append(d)
            } else if n == limit + 1, let total = seen[k] {
                let noun = d.severity == .note ? "notes" : "\(d.severity.rawValue)s"
                out.append(
                    Diagnostic(
                        d.severity, "\(total - limit) more \(noun) like \"\(d.message)\" not shown (--max-errors 0 shows every one)"))
            }
        }
        return out
    }

    /// A diagnostic's kind: its severity and message with quoted text and numbers left out,
    /// so that "invalid IP address 'fd00::10004'" and "... 'fd00::10005'" are one kind.
    static func kind(of d: Diagnostic) -> String {
        var out = d.severity.rawValue + ":"
        var quote: Character? = nil
        var lastWasDigit = false
        for c in d.message {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" {
                quote = c
                out.append("…")
            } else if c.isNumber {
                if !lastWasDigit { out.append("#") }
            } else {
                out.append(c)
            }
            lastWasDigit = c.isNumber
        }
        return out
    }
}
