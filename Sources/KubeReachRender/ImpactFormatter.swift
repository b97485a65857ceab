import KubeReachAnalysis

/// What a rollout takes away: every pair allowed before that loses something, with the
/// connections it loses (and, when something is left, what stays allowed).
public enum ImpactFormatter {
    public static func text(_ diff: ConnectivityDiff) -> String {
        let lost = (diff.removed + diff.changed.filter { !$0.narrowed.isEmpty }).sorted {
            $0.source != $1.source ? $0.source.utf8Precedes($1.source) : $0.destination.utf8Precedes($1.destination)
        }
        if lost.isEmpty { return "Rollout impact: nothing allowed today would be denied.\n" }
        var out = "Rollout impact: \(lost.count) pair(s) allowed today would lose connections:\n"
        for e in lost {
            out += "- \(e.source) => \(e.destination) : \(e.narrowed.description)"
            out += e.after.isEmpty ? "\n" : " (still allowed: \(e.after.description))\n"
        }
        return out
    }
}
