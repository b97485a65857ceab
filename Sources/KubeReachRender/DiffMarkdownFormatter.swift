import KubeReachAnalysis
import KubeReachCore

/// A diff as a pull-request comment: a summary table, then one table per non-empty
/// section. Names are code spans with pipes escaped (`MarkdownEdgeFormatter.cell`), so no
/// name can break a table or inject markup.
enum DiffMarkdownFormatter {
    static func render(_ diff: ConnectivityDiff, policies: PolicyChanges, old: String, new: String, level: AggregationLevel) -> String {
        let cell = MarkdownEdgeFormatter.cell
        let widened = diff.changed.count { !$0.widened.isEmpty }
        let narrowed = diff.changed.count { !$0.narrowed.isEmpty }
        let word = DiffFormatter.nodeWord(level)
        var out = "### Connectivity diff: \(cell(old)) → \(cell(new)) (by \(level.rawValue))\n\n"
        out += "| change | count |\n|---|---:|\n"
        out += "| added connections | \(diff.added.count) |\n| removed connections | \(diff.removed.count) |\n"
        out += "| changed connections | \(diff.changed.count) |\n| … of which widened | \(widened) |\n"
        out += "| … of which narrowed | \(narrowed) |\n"
        out += "| \(word) added | \(diff.nodesAdded.count) |\n| \(word) removed | \(diff.nodesRemoved.count) |\n"
        out += "| policies added | \(policies.added.count) |\n| policies removed | \(policies.removed.count) |\n"
        out += "| policies modified | \(policies.modified.count) |\n"
        if !policies.isEmpty {
            out += "\n#### Policy changes\n\n| change | kind | namespace | name |\n|---|---|---|---|\n"
            for (change, list) in [("added", policies.added), ("removed", policies.removed), ("modified", policies.modified)] {
                for o in list { out += "| \(change) | \(o.kind) | \(o.namespace.map(cell) ?? "—") | \(cell(o.name)) |\n" }
            }
        }
        if diff.isEmpty { return out + "\nNo connectivity changes.\n" }
        func table(_ title: String, _ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            out +=
                "\n#### \(title)\n\n| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
            // "No Connections" in a widened/narrowed column reads better as a dash.
            for r in rows {
                out += "| " + r.map { $0 == ConnectionSet.none.description ? "—" : cell($0) }.joined(separator: " | ") + " |\n"
            }
        }
        table(
            "Added", ["Source", "Destination", "Connections"],
            diff.added.map { [$0.source.description, $0.destination.description, $0.after.description] })
        table(
            "Removed", ["Source", "Destination", "Connections"],
            diff.removed.map { [$0.source.description, $0.destination.description, $0.before.description] })
        table(
            "Changed", ["Source", "Destination", "Before", "After", "Widened", "Narrowed"],
            diff.changed.map {
                [
                    $0.source.description, $0.destination.description, $0.before.description, $0.after.description, $0.widened.description,
                    $0.narrowed.description,
                ]
            })
        table("\(word.prefix(1).uppercased() + word.dropFirst()) added", ["Name"], diff.nodesAdded.map { [$0.description] })
        table("\(word.prefix(1).uppercased() + word.dropFirst()) removed", ["Name"], diff.nodesRemoved.map { [$0.description] })
        return out
    }
}
