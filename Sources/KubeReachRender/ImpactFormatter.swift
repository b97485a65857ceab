import KubeReachAnalysis
import KubeReachCore

/// What a rollout takes away: first a count per namespace pair (what a reviewer reads
/// first on a large cluster), then every pair allowed before that loses something, with
/// the connections it loses (and, when something is left, what stays allowed).
public enum ImpactFormatter {
    public static func text(_ diff: ConnectivityDiff) -> String {
        let lost = (diff.removed + diff.changed.filter { !$0.narrowed.isEmpty }).sorted {
            $0.source != $1.source ? $0.source < $1.source : $0.destination < $1.destination
        }
        if lost.isEmpty { return "Rollout impact: nothing allowed today would be denied.\n" }
        var out = "Rollout impact: \(lost.count) pair(s) allowed today would lose connections.\n"
        out += "By namespace pair (pairs losing connections, of which losing all):\n"
        let rows = namespacePairs(lost)
        for row in rows.prefix(maxNamespacePairs) {
            out += "  \(TerminalText.escaped(row.source)) => \(TerminalText.escaped(row.destination)) : \(row.pairs) (\(row.all))\n"
        }
        if rows.count > maxNamespacePairs {
            let rest = rows.dropFirst(maxNamespacePairs)
            out += "  ... \(rest.count) more namespace pair(s) with \(rest.reduce(0) { $0 + $1.pairs }) pair(s)\n"
        }
        out += "Every pair:\n"
        for e in lost {
            out += "- \(TerminalText.escaped(e.source)) => \(TerminalText.escaped(e.destination)) : \(e.narrowed.description)"
            out += e.after.isEmpty ? "\n" : " (still allowed: \(e.after.description))\n"
        }
        return out
    }

    /// Namespace pairs listed before `...` (the most affected; every pair follows anyway).
    static let maxNamespacePairs = 30

    /// One row per (source namespace, destination namespace), `external` for address
    /// ranges; sorted by the number of pairs, most first, then by name.
    static func namespacePairs(_ lost: [ConnectivityDiff.Entry]) -> [(source: String, destination: String, pairs: Int, all: Int)] {
        var count: [[String]: (pairs: Int, all: Int)] = [:]
        for e in lost {
            let key = [e.source.namespace ?? "external", e.destination.namespace ?? "external"]
            count[key, default: (0, 0)].pairs += 1
            if e.after.isEmpty { count[key, default: (0, 0)].all += 1 }
        }
        return count.map { (source: $0.key[0], destination: $0.key[1], pairs: $0.value.pairs, all: $0.value.all) }.sorted {
            ($0.pairs, $1.source, $1.destination) > ($1.pairs, $0.source, $0.destination)
        }
    }
}
