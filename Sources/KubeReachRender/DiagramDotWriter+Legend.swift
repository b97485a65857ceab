extension DiagramDotWriter {
    /// A boxed key of the shapes and colours actually used, plus the diagram's notes.
    /// Legend identifiers contain a space and a colon, which no Kubernetes name can.
    static func legend(_ d: Diagram, notes: Bool = true) -> String {
        let kinds = Set(d.nodes.map(\.kind))
        var lines = [
            "\tsubgraph \"cluster_legend\" {", "\t\tlabel=<<B>Legend</B>> style=\"rounded,dashed\" color=\"#9aa5b1\" fontcolor=\"#3c4a57\"",
        ]
        func entry(_ key: String, _ label: String, _ attrs: String = "") {
            lines.append("\t\t\(DotText.id("legend: \(key)")) [label=<\(label)>\(attrs)]")
        }
        let noun = self.noun(d.level, plural: false)
        if d.level == .namespace {
            entry("namespace", "<B>namespace</B>", " shape=folder fillcolor=\"#eef6ee\" color=\"#3d7a3d\"")
        } else {
            entry(noun, "<B>\(noun) name</B><BR/>" + small("kind", colour: "#5f6b77"))
        }
        if kinds.contains(.group) {
            entry(
                "group", "<B>N \(self.noun(d.level))</B><BR/>that all reach each other<BR/>and are reached alike",
                " shape=box3d style=filled fillcolor=\"#fff4d6\" color=\"#b08900\"")
        }
        if kinds.contains(.external) {
            entry(
                "external", "<B>external addresses</B><BR/>internet = 0.0.0.0/0", " shape=ellipse fillcolor=\"#fde2e1\" color=\"#c0392b\"")
        }
        if d.nodes.contains(where: { $0.reachesAll != nil || $0.reachedByAll != nil }) {
            entry(
                "marker", "<B>reaches (or is reached by)</B><BR/>every other \(noun):<BR/>those edges are not drawn",
                " peripheries=2 color=\"#d35400\"")
        }
        if d.nodes.contains(where: { $0.fanOut != nil || $0.fanIn != nil }) {
            entry(
                "fan", "<B>reaches (or is reached by)</B><BR/>N of M \(self.noun(d.level)):<BR/>those edges are not drawn",
                " peripheries=2 color=\"#8e44ad\"")
        }
        if d.edges.contains(where: \.connections.isAll) {
            entry("all", "thick line without a label:<BR/>All Connections", " shape=plaintext style=\"\"")
        }
        if d.edges.contains(where: \.bothWays) {
            entry("both ways", "two arrows: the same<BR/>connections both ways", " shape=plaintext style=\"\"")
        }
        if d.edges.contains(where: \.highlighted) {
            entry("path", "<B>highlighted path</B>", " color=\"#d62728\" penwidth=2.5")
        }
        if notes && !d.notes.isEmpty {
            entry(
                "notes", d.notes.flatMap { wrap(words: $0) }.map(DotText.html).joined(separator: "<BR/>"),
                " shape=note style=filled fillcolor=\"#fffbe6\" color=\"#b08900\"")
        }
        lines.append("\t}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A note cut between words into lines of about `width` characters, so that a long
    /// note does not make the legend wider than the diagram.
    static func wrap(words text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + word.count + 1 > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        return lines + [current]
    }
}
