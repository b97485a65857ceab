import KubeReachCore

/// `list --explain`: one section per pair that some policy touches (its verdict, the
/// isolating policies and the rules behind it), then the pairs allowed by default.
public enum ExplainListFormatter {
    public static func text(_ explanations: [Explanation]) -> String {
        var out = "# Connections decided by policies #\n"
        var byDefault: [Explanation] = []
        for e in explanations {
            if ![e.egress, e.ingress].contains(where: \.isDecidedByPolicy) {
                byDefault.append(e)
                continue
            }
            out += "\nConnections between \(e.source) => \(e.destination): \(e.allowed.description)\n"
            for side in [e.egress, e.ingress] {
                out += "  \(side.direction.rawValue): \(ExplanationFormatter.sentence(side))\n"
                for d in side.adminDecisions {
                    out += "    - \(d.policy.name) \(ExplanationFormatter.adminPath(side.direction, d)) [\(d.tier.rawValue)] \(ExplanationFormatter.verb(d.action)) \(d.connections.description)\n"
                }
                for m in side.matches {
                    out += "    - \(m.policy.name) \(ExplanationFormatter.path(side.direction, m.ruleIndex, m.peerIndex)) allows \(m.connections.description)\n"
                }
            }
        }
        out += "\n# Connections allowed by default (no policy isolates either end) #\n"
        for e in byDefault { out += "\(e.source) => \(e.destination)\n" }
        return out
    }
}
