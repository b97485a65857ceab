import KubeReachAnalysis
import KubeReachCore

/// The list formats of `diff` (the graph formats, dot and svg, are `DiffDotWriter`).
public enum DiffFormat: String, CaseIterable, Sendable {
    case txt, md, json, csv
}

/// Renders a connectivity diff. Deterministic: entries in the diff's order.
public enum DiffFormatter {
    /// `old`/`new`: how the two sides were named on the command line (md and json show them).
    /// `policies`: the policy objects added, removed and modified (txt, md and json list
    /// them before the connectivity changes; csv holds connectivity only).
    public static func render(
        _ diff: ConnectivityDiff, policies: PolicyChanges, as format: DiffFormat, old: String, new: String, level: AggregationLevel
    ) -> String {
        switch format {
        case .txt: policyText(policies) + text(diff, level: level)
        case .md: DiffMarkdownFormatter.render(diff, policies: policies, old: old, new: new, level: level)
        case .json: JSONOutput.encode(DiffDocument(diff, policies: policies, old: old, new: new, level: level))
        case .csv: csv(diff)
        }
    }

    /// `Policies added (1):` / `+ NetworkPolicy ns/name`, then removed (`-`) and modified (`~`).
    static func policyText(_ p: PolicyChanges) -> String {
        var out = ""
        for (title, mark, list) in [("added", "+", p.added), ("removed", "-", p.removed), ("modified", "~", p.modified)] where !list.isEmpty
        {
            out += "Policies \(title) (\(list.count)):\n" + list.map { "\(mark) \(TerminalText.escaped($0.description))\n" }.joined()
        }
        return out
    }

    /// `workloads`, `pods` or `namespaces`: what the appearing and disappearing nodes are.
    static func nodeWord(_ level: AggregationLevel) -> String { level.rawValue + "s" }

    /// `2 added, 1 removed, 1 changed (1 widened, 0 narrowed); workloads: 1 added, 0 removed`
    public static func summary(_ diff: ConnectivityDiff, level: AggregationLevel) -> String {
        let widened = diff.changed.count { !$0.widened.isEmpty }
        let narrowed = diff.changed.count { !$0.narrowed.isEmpty }
        return "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed "
            + "(\(widened) widened, \(narrowed) narrowed); "
            + "\(nodeWord(level)): \(diff.nodesAdded.count) added, \(diff.nodesRemoved.count) removed"
    }

    /// Sections with `+`/`-` lines; a changed pair shows before → after, then what was
    /// widened (`+`) and narrowed (`-`).
    static func text(_ diff: ConnectivityDiff, level: AggregationLevel) -> String {
        var out = ""
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\(title) (\(lines.count)):\n" + lines.map { $0 + "\n" }.joined()
        }
        let t = { (x: Endpoint) in TerminalText.escaped(x) }
        section("Added", diff.added.map { "+ \(t($0.source)) => \(t($0.destination)) : \($0.after.description)" })
        section("Removed", diff.removed.map { "- \(t($0.source)) => \(t($0.destination)) : \($0.before.description)" })
        var changed: [String] = []
        for e in diff.changed {
            var line = "~ \(t(e.source)) => \(t(e.destination)) : \(e.before.description) -> \(e.after.description)"
            if !e.widened.isEmpty { line += "\n    + \(e.widened.description)" }
            if !e.narrowed.isEmpty { line += "\n    - \(e.narrowed.description)" }
            changed.append(line)
        }
        section("Changed", changed)
        let word = nodeWord(level).prefix(1).uppercased() + nodeWord(level).dropFirst()
        section("\(word) added", diff.nodesAdded.map { "+ \(t($0))" })
        section("\(word) removed", diff.nodesRemoved.map { "- \(t($0))" })
        if diff.isEmpty { out += "No connectivity changes.\n" }
        return out + "Summary: \(summary(diff, level: level))\n"
    }

    /// One row per change: `change,src,dst,before,after,widened,narrowed`; rows
    /// `node-added`/`node-removed` carry the workload (pod, namespace) in `src`.
    static func csv(_ diff: ConnectivityDiff) -> String {
        var out = "change,src,dst,before,after,widened,narrowed\r\n"
        func row(_ fields: [String]) { out += fields.map(CSVEdgeFormatter.field).joined(separator: ",") + "\r\n" }
        for (kind, list) in [("added", diff.added), ("removed", diff.removed), ("changed", diff.changed)] {
            for e in list {
                row([
                    kind, e.source.description, e.destination.description, e.before.description, e.after.description, e.widened.description,
                    e.narrowed.description,
                ])
            }
        }
        for n in diff.nodesAdded { row(["node-added", n.description, "", "", "", "", ""]) }
        for n in diff.nodesRemoved { row(["node-removed", n.description, "", "", "", "", ""]) }
        return out
    }
}
