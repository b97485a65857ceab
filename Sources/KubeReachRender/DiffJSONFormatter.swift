import KubeReachAnalysis
import KubeReachCore

/// A diff as one JSON object for `jq`: a `version` readers check first, the summary
/// counts, then the lists. Node lists keep the key names `workloadsAdded`/`workloadsRemoved`
/// whatever the level (`level` says what they hold).
enum DiffJSONFormatter {
    static let version = 1

    static func render(_ diff: ConnectivityDiff, old: String, new: String, level: AggregationLevel) -> String {
        let q = JSONText.quote
        let widened = diff.changed.count { !$0.widened.isEmpty }
        let narrowed = diff.changed.count { !$0.narrowed.isEmpty }
        let summary = [
            "\"added\": \(diff.added.count)", "\"removed\": \(diff.removed.count)", "\"changed\": \(diff.changed.count)",
            "\"widened\": \(widened)", "\"narrowed\": \(narrowed)",
            "\"workloadsAdded\": \(diff.nodesAdded.count)", "\"workloadsRemoved\": \(diff.nodesRemoved.count)",
            "\"widens\": \(diff.widens)",
        ]
        func pair(_ e: ConnectivityDiff.Entry, _ c: ConnectionSet) -> String {
            "{\"source\": \(q(e.source.description)), \"destination\": \(q(e.destination.description)), \"connections\": \(q(c.description))}"
        }
        func change(_ e: ConnectivityDiff.Entry) -> String {
            "{\"source\": \(q(e.source.description)), \"destination\": \(q(e.destination.description)), \"before\": \(q(e.before.description)), "
                + "\"after\": \(q(e.after.description)), \"widened\": \(q(e.widened.description)), \"narrowed\": \(q(e.narrowed.description))}"
        }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        return """
            {
              "version": \(version),
              "old": \(q(old)),
              "new": \(q(new)),
              "level": \(q(level.rawValue)),
              "summary": {\(summary.joined(separator: ", "))},
              "added": \(list(diff.added.map { pair($0, $0.after) })),
              "removed": \(list(diff.removed.map { pair($0, $0.before) })),
              "changed": \(list(diff.changed.map(change))),
              "workloadsAdded": \(list(diff.nodesAdded.map { q($0.description) })),
              "workloadsRemoved": \(list(diff.nodesRemoved.map { q($0.description) }))
            }

            """
    }
}
