import KubeReachCore

/// `list --explain`: one section per pair that some policy touches (its verdict, the
/// isolating policies and the rules behind it), then the pairs allowed by default.
public enum ExplainListFormatter {
    /// - Parameters:
    ///   - only: nil prints every section as `--explain` always did; `.allow` and `.deny`
    ///     keep the sections of that verdict (the default block only goes with `.allow`,
    ///     since "no policy" never denies).
    ///   - scope: the connections the question is about (`--focus-conn`, else everything);
    ///     the allowed and denied parts shown are cut to it.
    public static func text(_ explanations: [Explanation], only: ExplainSelection? = nil, scope: ConnectionSet = .all) -> String {
        var out = title(only)
        var byDefault: [Explanation] = []
        for e in explanations {
            if ![e.egress, e.ingress].contains(where: \.isDecidedByPolicy) {
                byDefault.append(e)
                continue
            }
            let allowed = e.allowed.intersection(scope), denied = scope.subtracting(e.allowed)
            switch only {
            case nil:
                out +=
                    "\nConnections between \(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination)): \(e.allowed.description)\n"
            case .allow?:
                if allowed.isEmpty { continue }
                out +=
                    "\nConnections between \(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination)): allowed \(allowed.description)\n"
            case .deny?:
                if denied.isEmpty { continue }
                out +=
                    "\nConnections between \(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination)): denied \(denied.description); allowed \(allowed.description)\n"
            }
            out += sides(e, misses: only == .deny)
        }
        if only == .deny { return out }
        out += "\n# Connections allowed by default (no policy isolates either end) #\n"
        for e in byDefault { out += "\(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination))\n" }
        return out
    }

    private static func title(_ only: ExplainSelection?) -> String {
        switch only {
        case nil: "# Connections decided by policies #\n"
        case .allow?: "# Allowed connections decided by policies (--explain-only allow) #\n"
        case .deny?: "# Denied connections and the policies that deny them (--explain-only deny) #\n"
        }
    }

    /// Both directions: the sentence, the admin-tier decisions and the matching rules; with
    /// `misses`, the rules that nearly admitted the pair, since that is what a denial is
    /// usually fixed with.
    private static func sides(_ e: Explanation, misses: Bool) -> String {
        var out = ""
        for side in [e.egress, e.ingress] {
            out += "  \(side.direction.rawValue): \(TerminalText.escaped(ExplanationFormatter.sentence(side)))\n"
            for d in side.adminDecisions {
                out +=
                    "    - \(TerminalText.escaped(d.policy.name)) \(TerminalText.escaped(ExplanationFormatter.adminPath(side.direction, d))) [\(d.tierLabel)] \(ExplanationFormatter.verb(d)) \(d.connections.description)\n"
            }
            for m in side.matches {
                out +=
                    "    - \(TerminalText.escaped(m.policy.name)) \(ExplanationFormatter.path(side.direction, m.ruleIndex, m.peerIndex)) allows \(m.connections.description)\n"
            }
            guard misses else { continue }
            for m in side.misses {
                out +=
                    "    ~ nearest miss: \(TerminalText.escaped(m.policy.name)) \(ExplanationFormatter.path(side.direction, m.ruleIndex, m.peerIndex)): \(TerminalText.escaped(m.message))\n"
            }
        }
        return out
    }
}
