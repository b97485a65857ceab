import KubeReachAnalysis
import KubeReachCore

/// A connectivity diff as a diagram (`kubereach diff -o dot|svg`): added connections green,
/// removed red and dashed, changed orange with what was widened (`+`) and narrowed (`-`),
/// unchanged grey (left out past `maxUnchanged`, with a note); workloads that appear or
/// disappear marked. Node labels, namespace boxes and escaping are the render diagram's.
public enum DiffDotWriter {
    static let green = "#2e8b3d", red = "#c0392b", orange = "#d9822b", grey = "#b0b8c0"

    enum Change { case added, removed, changed }

    /// - Parameters:
    ///   - new: the NEW side; its edges that no entry touches are the unchanged ones.
    ///   - nodes: every node of both sides (drawn when unchanged edges are).
    public static func render(
        _ diff: ConnectivityDiff, new: ConnectivitySnapshot, nodes: Set<Endpoint>, level: AggregationLevel, maxUnchanged: Int = 300
    ) -> String {
        let entries = diff.added.map { ($0, Change.added) } + diff.removed.map { ($0, .removed) } + diff.changed.map { ($0, .changed) }
        let named = Set(entries.flatMap { [$0.0.source, $0.0.destination] })
        var (unchanged, merged) = mergingExternalTwins(unchangedEdges(diff, new: new), keep: named)
        var notes: [String] = []
        if unchanged.count > maxUnchanged {
            notes.append("\(unchanged.count) unchanged connections not drawn")
            unchanged = []
            merged = [:]
        }
        var drawn = Set(diff.nodesAdded + diff.nodesRemoved)
        for (e, _) in entries { drawn.formUnion([e.source, e.destination]) }
        for e in unchanged { drawn.formUnion([e.source, e.destination]) }
        // Ranges merged into one node are drawn as that node only.
        let mergedAway = Set(merged.values.joined().map(Endpoint.external)).subtracting(merged.keys)
        if notes.isEmpty {
            drawn.formUnion(nodes.subtracting(mergedAway))
        } else {
            notes.append("only workloads with a change (or a changed connection) are drawn")
        }
        if diff.isEmpty { notes.append("no connectivity changes") }
        var out = "digraph \"kubereach-diff\" {\n"
        out += "\tgraph [rankdir=LR fontname=\"Helvetica\" fontsize=11 nodesep=0.25 ranksep=0.9 newrank=true]\n"
        out += "\tnode [fontname=\"Helvetica\" fontsize=10 shape=box style=\"rounded,filled\" fillcolor=\"#eaf1fb\" color=\"#4a6fa5\"]\n"
        out += "\tedge [fontname=\"Helvetica\" fontsize=9 arrowsize=0.7]\n"
        out += nodeLines(drawn, diff: diff, level: level, merged: merged)
        for (e, kind) in entries { out += "\t" + edge(e, kind) + "\n" }
        // Unchanged edges carry no label (their connections are in the tooltip): labels
        // would double the drawing and pull the eye away from the changes.
        for e in unchanged {
            out += "\t\(id(e.source, merged)) -> \(id(e.destination, merged)) [tooltip=\(DotText.id(e.connections.description)) "
            out += "color=\"\(grey)\"]\n"
        }
        out += legend(notes: notes, level: level)
        return out + "}\n"
    }

    /// NEW's edges that no diff entry concerns. An external edge counts only when the
    /// workload has no external change in that direction: the diff re-cuts ranges, so
    /// a range of NEW may be partly changed under another name.
    static func unchangedEdges(_ diff: ConnectivityDiff, new: ConnectivitySnapshot) -> [ConnectivityEdge] {
        let entries = diff.added + diff.removed + diff.changed
        let pairs = Set(entries.map { [$0.source, $0.destination] })
        let changedFromOutside = Set(entries.filter(\.source.isExternal).map(\.destination))
        let changedToOutside = Set(entries.filter(\.destination.isExternal).map(\.source))
        return new.edges.filter { e in
            if e.source.isExternal { return !changedFromOutside.contains(e.destination) }
            if e.destination.isExternal { return !changedToOutside.contains(e.source) }
            return !pairs.contains([e.source, e.destination])
        }
    }

    /// Nodes in namespace boxes (workload and pod level), external ranges and namespaces
    /// loose; added nodes with a green border, removed ones red and dashed.
    static func nodeLines(_ names: Set<Endpoint>, diff: ConnectivityDiff, level: AggregationLevel, merged: [Endpoint: [IPRange]] = [:])
        -> String
    {
        let appeared = Set(diff.nodesAdded), vanished = Set(diff.nodesRemoved)
        var byCluster: [String: [Endpoint]] = [:]
        var loose: [Endpoint] = []
        for n in Array(names).sortedByName() {
            if level != .namespace, let ns = n.namespace {
                byCluster[ns, default: []].append(n)
            } else {
                loose.append(n)
            }
        }
        func line(_ n: Endpoint) -> String {
            var a = DotAttributes()
            var lines: [String]
            if let ranges = merged[n] ?? n.externalRange.map({ [$0] }) {
                lines = ExternalRangeLabel.lines(ranges).enumerated().map { i, s in i == 0 ? "<B>\(DotText.html(s))</B>" : DotText.html(s) }
                a = DotAttributes([("shape", "ellipse"), ("fillcolor", "\"#fde2e1\""), ("color", "\"#c0392b\"")])
            } else {
                lines = DiagramDotWriter.title(n)
                if level == .namespace { a = DotAttributes([("shape", "folder"), ("fillcolor", "\"#eef6ee\""), ("color", "\"#3d7a3d\"")]) }
            }
            if appeared.contains(n) {
                lines.append(DiagramDotWriter.small("added", colour: green))
                a["color"] = "\"\(green)\""
                a["penwidth"] = "2.5"
            } else if vanished.contains(n) {
                lines.append(DiagramDotWriter.small("removed", colour: red))
                a["color"] = "\"\(red)\""
                a["penwidth"] = "2.5"
                a["style"] = "\"rounded,filled,dashed\""
            }
            var label = DotAttributes([("label", "<\(lines.joined(separator: "<BR/>"))>")])
            a.each { label[$0] = $1 }
            return "\(id(n, merged)) \(label.text)"
        }
        var out = ""
        for c in byCluster.keys.sorted(by: DiagramGraph.bytewise) {
            out += "\tsubgraph \(DotText.id("cluster_ns:\(c)")) {\n"
            out += "\t\tlabel=<<B>\(DotText.html(c))</B>> style=\"rounded\" color=\"#9aa5b1\" fontcolor=\"#3c4a57\"\n"
            for n in byCluster[c] ?? [] { out += "\t\t" + line(n) + "\n" }
            out += "\t}\n"
        }
        for n in loose { out += "\t" + line(n) + "\n" }
        return out
    }

    static func edge(_ e: ConnectivityDiff.Entry, _ kind: Change) -> String {
        var a = DotAttributes()
        switch kind {
        case .added:
            a = DotAttributes([
                ("label", "<+ \(wrapped(e.after.description))>"), ("color", "\"\(green)\""), ("fontcolor", "\"\(green)\""),
                ("penwidth", "2"),
            ])
        case .removed:
            a = DotAttributes([
                ("label", "<- \(wrapped(e.before.description))>"), ("color", "\"\(red)\""), ("fontcolor", "\"\(red)\""),
                ("style", "dashed"),
                ("penwidth", "2"),
            ])
        case .changed:
            var lines: [String] = []
            if !e.widened.isEmpty { lines.append("+ " + wrapped(e.widened.description)) }
            if !e.narrowed.isEmpty { lines.append("- " + wrapped(e.narrowed.description)) }
            a = DotAttributes([
                ("label", "<\(lines.joined(separator: "<BR/>"))>"), ("color", "\"\(orange)\""), ("fontcolor", "\"#a35200\""),
                ("penwidth", "2"),
            ])
        }
        a["tooltip"] = DotText.id("\(e.before.description) -> \(e.after.description)")
        return "\(id(e.source, [:])) -> \(id(e.destination, [:])) \(a.text)"
    }

    /// The DOT identifier of a node: its name, `first +N` for merged external ranges.
    static func id(_ n: Endpoint, _ merged: [Endpoint: [IPRange]]) -> String {
        DotText.id(merged[n].map { "\(n) +\($0.count - 1)" } ?? n.description)
    }

    /// Connection text for an HTML label, cut after commas like the render diagram's.
    static func wrapped(_ text: String) -> String {
        DiagramDotWriter.wrap(text).map(DotText.html).joined(separator: "<BR/>")
    }

    static func legend(notes: [String], level: AggregationLevel) -> String {
        let noun = DiagramDotWriter.noun(level, plural: false)
        var lines = [
            "<FONT COLOR=\"\(green)\"><B>+ added</B></FONT> (green)", "<FONT COLOR=\"\(red)\"><B>- removed</B></FONT> (red, dashed)",
            "<FONT COLOR=\"\(orange)\"><B>changed</B></FONT>: + widened, - narrowed",
            "<FONT COLOR=\"#8a949e\">unchanged</FONT> (grey; connections in the tooltip)",
            "a \(noun) that appears: green border; disappears: red dashed",
        ]
        lines += notes.map(DotText.html)
        var out =
            "\tsubgraph \"cluster_legend\" {\n\t\tlabel=<<B>Legend</B>> style=\"rounded,dashed\" color=\"#9aa5b1\" fontcolor=\"#3c4a57\"\n"
        out +=
            "\t\t\"legend: diff\" [label=<\(lines.joined(separator: "<BR ALIGN=\"LEFT\"/>"))<BR ALIGN=\"LEFT\"/>> shape=note style=filled fillcolor=\"#fffbe6\" color=\"#b08900\"]\n"
        return out + "\t}\n"
    }
}
