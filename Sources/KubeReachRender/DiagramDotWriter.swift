import KubeReachCore

/// A `Diagram` as Graphviz DOT meant to be looked at (unlike `list -o dot`, which keeps
/// netpol-analyzer's layout): namespaces as boxes, short HTML labels, a legend. Sorted, every
/// identifier and label escaped.
public enum DiagramDotWriter {
    public static func render(_ d: Diagram, notesInLegend: Bool = true) -> String {
        var out = "digraph \"kubereach\" {\n"
        out += "\tgraph [rankdir=LR fontname=\"Helvetica\" fontsize=11 nodesep=0.25 ranksep=0.5 newrank=true"
        // Graphviz scales a larger drawing down to this box: the picture's pixels are bounded.
        out += d.maxInches.map { " size=\"\($0),\($0)\"" } ?? ""
        out += "]\n"
        out += "\tnode [fontname=\"Helvetica\" fontsize=10 shape=box style=\"rounded,filled\" fillcolor=\"#eaf1fb\" color=\"#4a6fa5\"]\n"
        out += "\tedge [fontname=\"Helvetica\" fontsize=9 color=\"#7a8896\" fontcolor=\"#2d6a2d\" arrowsize=0.7]\n"
        var byCluster: [String: [Diagram.Node]] = [:]
        for n in d.nodes { if let c = n.cluster { byCluster[c, default: []].append(n) } }
        for c in byCluster.keys.sorted(by: DiagramGraph.bytewise) {
            out += "\tsubgraph \(DotText.id("cluster_ns:\(c)")) {\n"
            out += "\t\tlabel=<<B>\(DotText.html(c))</B>> style=\"rounded\" color=\"#9aa5b1\" fontcolor=\"#3c4a57\"\n"
            for n in byCluster[c] ?? [] { out += "\t\t" + node(n, level: d.level, clusterRanges: d.clusterRanges) + "\n" }
            out += "\t}\n"
        }
        for n in d.nodes where n.cluster == nil { out += "\t" + node(n, level: d.level, clusterRanges: d.clusterRanges) + "\n" }
        let external = Set(d.nodes.filter { $0.kind == .external }.map(\.id))
        for e in d.edges {
            out += "\t" + edge(e, external: external.contains(e.from) || external.contains(e.to), labelled: d.edgeLabels) + "\n"
        }
        out += legend(d, notes: notesInLegend)
        return out + "}\n"
    }

    static func node(_ n: Diagram.Node, level: AggregationLevel, clusterRanges: [IPRange] = []) -> String {
        var a = DotAttributes()
        var lines: [String]
        switch n.kind {
        case .workload, .namespace:
            lines = n.members.first.map(title) ?? ["<B>\(DotText.html(n.id))</B>"]
            if n.kind == .namespace { a = DotAttributes([("shape", "folder"), ("fillcolor", "\"#eef6ee\""), ("color", "\"#3d7a3d\"")]) }
        case .group:
            let shown = n.members.prefix(10).map(memberLine)
            let more = n.members.count > 10 ? ["… and \(n.members.count - 10) more"] : []
            lines = ["<B>\(n.members.count) \(noun(level))</B>"] + (shown + more).map(DotText.html)
            if let w = n.withinGroup { lines.append(small("all reach each other: \(w.description)", colour: "#7a5c00")) }
            a = DotAttributes([("shape", "box3d"), ("style", "filled"), ("fillcolor", "\"#fff4d6\""), ("color", "\"#b08900\"")])
        case .external:
            let names = ExternalRangeLabel.lines(n.members.compactMap(\.externalRange), cluster: clusterRanges)
            lines = names.enumerated().map { i, s in i == 0 ? "<B>\(DotText.html(s))</B>" : DotText.html(s) }
            a = DotAttributes([("shape", "ellipse"), ("fillcolor", "\"#fde2e1\""), ("color", "\"#c0392b\"")])
        }
        let one = noun(level, plural: false)
        if let c = n.reachesAll { lines.append(small("reaches every \(one): \(c.description)", colour: "#b35900")) }
        if let c = n.reachedByAll { lines.append(small("reached by every \(one): \(c.description)", colour: "#b35900")) }
        let many = self.noun(level)
        if let f = n.fanOut { lines.append(small(f.text("reaches", noun: many), colour: "#8e44ad")) }
        if let f = n.fanIn { lines.append(small(f.text("reached by", noun: many), colour: "#8e44ad")) }
        if n.fanOut != nil || n.fanIn != nil {
            a["peripheries"] = "2"
            a["color"] = "\"#8e44ad\""
        }
        if n.reachesAll != nil || n.reachedByAll != nil {
            a["peripheries"] = "2"
            a["color"] = "\"#d35400\""
        }
        if n.focused || n.highlighted {
            a["penwidth"] = "2.5"
            a["color"] = n.highlighted ? "\"#d62728\"" : "\"#1f3b63\""
        }
        var label = DotAttributes([("label", "<\(lines.joined(separator: "<BR/>"))>")])
        a.each { label[$0] = $1 }
        return "\(DotText.id(n.id)) \(label.text)"
    }

    static func edge(_ e: Diagram.Edge, external: Bool, labelled: Bool = true) -> String {
        var a = DotAttributes()
        if e.connections.isAll {
            // The most common label by far: a thick line says it without widening the layout.
            a["tooltip"] = DotText.id(e.connections.description)
            a["penwidth"] = "2"
        } else if labelled {
            a["label"] = "<\(wrap(e.connections.description).map(DotText.html).joined(separator: "<BR/>"))>"
        } else {
            a["tooltip"] = DotText.id(e.connections.description)
        }
        if e.bothWays { a["dir"] = "both" }
        if external { a["color"] = "\"#d9822b\"" }
        if e.highlighted {
            a["color"] = "\"#d62728\""
            a["fontcolor"] = "\"#d62728\""
            a["penwidth"] = "3"
        }
        return "\(DotText.id(e.from)) -> \(DotText.id(e.to)) \(a.text)"
    }

    /// The bold first line (short name) and, for a workload, its kind below it.
    static func title(_ e: Endpoint) -> [String] {
        guard case .workload(let w) = e else { return ["<B>\(DotText.html(e.bareName ?? e.description))</B>"] }
        return ["<B>\(DotText.html(w.name))</B>", small(w.kind, colour: "#5f6b77")]
    }

    /// One member of a group: `name (Kind)` for a workload, the bare name otherwise.
    static func memberLine(_ e: Endpoint) -> String {
        guard case .workload(let w) = e else { return e.bareName ?? e.description }
        return "\(w.name) (\(w.kind))"
    }

    static func small(_ text: String, colour: String) -> String {
        "<FONT POINT-SIZE=\"8\" COLOR=\"\(colour)\">\(DotText.html(text))</FONT>"
    }

    static func noun(_ level: AggregationLevel, plural: Bool = true) -> String {
        let word = level == .namespace ? "namespace" : level == .pod ? "pod" : "workload"
        return plural ? word + "s" : word
    }

    /// Connection text cut after commas into lines of about 28 characters.
    static func wrap(_ text: String, width: Int = 28) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + part.count + 1 > width {
                lines.append(current + ",")
                current = String(part)
            } else {
                current += current.isEmpty ? String(part) : "," + part
            }
        }
        return lines + [current]
    }
}
