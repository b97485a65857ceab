import KubeReachCore
import KubeReachRBAC

/// Text for `can-i` and `who-can`: the verdict, then each grant as binding → role → rule
/// with their `file:line`. Names are escaped: a name can hold any character but `/` and `%`.
public enum RBACFormatter {
    public static func canI(_ a: AccessAnswer, subject: String) -> String {
        let t = { (s: String) in TerminalText.escaped(s) }
        var out = "\(a.verdict.rawValue): \(t(subject)) \(a.verdict == .yes ? "can" : "cannot") \(t(a.request.description))\n"
        if a.verdict == .unknown { out = "unknown: no loaded rule lets \(t(subject)) \(t(a.request.description))\n" }
        for g in a.grants { out += grantLines(g) }
        if !a.unresolved.isEmpty {
            out += "bindings of \(t(subject)) whose role is not in the input (they may allow it):\n"
            out += a.unresolved.map(unresolvedLine).joined()
        }
        return out
    }

    public static func whoCan(_ a: WhoCanAnswer) -> String {
        var out = "who can \(TerminalText.escaped(a.request.description)):\n"
        // Each subject once, with every grant that names it, in the order they first appear.
        var order: [RBACSubject] = []
        var bySubject: [RBACSubject: [AccessGrant]] = [:]
        for g in a.grants {
            if bySubject[g.subject] == nil { order.append(g.subject) }
            bySubject[g.subject, default: []].append(g)
        }
        for s in order {
            out += "  \(TerminalText.escaped(s.description))\n"
            out += (bySubject[s] ?? []).map { grantLines($0, indent: "    ") }.joined()
        }
        if !a.unresolved.isEmpty {
            out += "bindings whose role is not in the input (their subjects may be allowed too):\n"
            out += a.unresolved.map(unresolvedLine).joined()
        }
        return out
    }

    public static func json(_ a: AccessAnswer) -> String { JSONOutput.encode(CanIDocument(a)) }
    public static func json(_ a: WhoCanAnswer) -> String { JSONOutput.encode(WhoCanDocument(a)) }

    private static func grantLines(_ g: AccessGrant, indent: String = "  ") -> String {
        let t = { (s: String) in TerminalText.escaped(s) }
        guard let binding = g.binding, let rule = g.rule else {
            return "\(indent)member of group system:masters: allowed before RBAC is asked\n"
        }
        var out = "\(indent)via \(t(binding.display)) naming \(t(g.subject.description))\(at(binding.location))\n"
        if let role = g.role { out += "\(indent)  role \(t(role.display))\(at(role.location))\n" }
        out += "\(indent)  rule \(t(rule.description))\(at(rule.location))\n"
        return out
    }

    private static func unresolvedLine(_ b: RBACBinding) -> String {
        "  \(TerminalText.escaped(b.display))\(at(b.location)) -> \(b.roleKind.rawValue) \(TerminalText.escaped(b.roleName)) (not loaded)\n"
    }

    private static func at(_ l: SourceLocation?) -> String { l.map { "  \(RBACText.source($0))" } ?? "" }
}

/// `file:line` of a location (the column is noise for a whole rule or object).
enum RBACText {
    static func source(_ l: SourceLocation) -> String {
        var short = l
        short.column = nil
        return short.description
    }
}
