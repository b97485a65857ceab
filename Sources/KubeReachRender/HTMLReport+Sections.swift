import KubeReachAnalysis
import KubeReachCore
import KubeReachLint

extension HTMLReport {
    /// The connectivity table: one row per listed pair; a pair with an explanation has a
    /// hidden row after it that the script reveals on click. Sorting and filtering are
    /// done by the script; without it the table is still complete and readable.
    static func tableSection(_ c: ReportContent) -> String {
        let shown = c.lines.prefix(max(0, c.rowLimit))
        var out = "<section id=\"connectivity\"><h2>Connectivity by \(c.level.rawValue) (\(c.lines.count) pairs)</h2>\n"
        if shown.count < c.lines.count {
            out +=
                "<p class=\"note\">Showing the first \(shown.count) of \(c.lines.count) pairs (--max-rows); "
                + "<code>kubereach list</code> prints them all.</p>\n"
        }
        let explained = c.explanations.count { $0 != nil }
        if explained > 0 {
            let capped =
                explained < shown.count ? " Explanations are included for the first \(explained) pairs only (--max-explained)." : ""
            out += "<p class=\"hint\">Click a row to see why it is allowed: the policies and rules that decide it.\(capped)</p>\n"
        }
        out +=
            "<p><input id=\"filter\" type=\"search\" placeholder=\"Filter pairs (source, destination, ports)\" aria-label=\"Filter pairs\"> "
        out += "<span id=\"shown\"></span></p>\n"
        out += "<table id=\"pairs\"><thead><tr><th data-col=\"0\">Source</th><th data-col=\"1\">Destination</th>"
        out += "<th data-col=\"2\">Connections</th></tr></thead>\n<tbody>\n"
        for (i, e) in shown.enumerated() {
            out +=
                "<tr class=\"pair\"><td>\(HTMLText.escape(e.source))</td><td>\(HTMLText.escape(e.destination))</td>"
            out += "<td>\(HTMLText.escape(e.connections.description))</td></tr>\n"
            if i < c.explanations.count, let why = c.explanations[i] {
                out += "<tr class=\"why\" hidden><td colspan=\"3\"><pre>\(HTMLText.escape(why))</pre></td></tr>\n"
            }
        }
        return out + "</tbody></table></section>\n"
    }

    static func exposureSection(_ exposure: (graph: ReachabilityGraph, report: ExposureReport)?) -> String {
        var out = "<section id=\"exposure\"><h2>Exposure</h2>\n"
        guard let (g, r) = exposure else { return out + "<p class=\"note\">Not computed.</p></section>\n" }
        let name = { (n: Int) in HTMLText.escape(PathFormatter.name(g, n)) }
        out +=
            "<h3>Entry points (\(r.entries.count))</h3>\n"
            + list(r.entries.map { "<code>\(name($0.node))</code>: \(HTMLText.escape($0.reasons.joined(separator: "; ")))" })
        out += "<h3>Crown jewels (\(r.crownJewels.count))</h3>\n"
        out +=
            r.crownJewels.isEmpty
            ? "<p class=\"note\">None: no workload has the labels tier=db or app.kubernetes.io/component=database (<code>kubereach exposure --sensitive</code> names others).</p>\n"
            : list(r.crownJewels.map { "<code>\(name($0))</code>" })
        out += "<h3>Shortest paths to crown jewels (\(r.paths.count))</h3>\n"
        out += list(
            r.paths.map {
                "<code>\(HTMLText.escape(PathFormatter.line(g, $0)))</code> (\($0.hops.count) hop\($0.hops.count == 1 ? "" : "s"))"
            }, ordered: true)
        out += "<h3>Chokepoints (\(r.cutSize))</h3>\n"
        if r.cutSize > r.chokepoints.count {
            out += "<p>A minimum cut: \(HTMLText.escape(PathFormatter.cutTooLarge(r))):</p>\n"
        } else if !r.chokepoints.isEmpty {
            out += "<p>Cutting these edges cuts every path above (a minimum cut):</p>\n"
        }
        out += list(
            r.chokepoints.map {
                "<code>\(name($0.from)) → \(name($0.to))</code> [\(HTMLText.escape($0.connections.description))]: \(HTMLText.escape($0.change))"
            })
        return out + "</section>\n"
    }

    static func lintSection(_ findings: [LintFinding]) -> String {
        var out = "<section id=\"lint\"><h2>Lint findings (\(findings.count))</h2>\n"
        guard !findings.isEmpty else { return out + "<p>No findings.</p></section>\n" }
        out +=
            "<table class=\"lint\"><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Where</th><th>Finding</th></tr></thead>\n<tbody>\n"
        for f in findings {
            let at = [f.location?.description, f.fieldPath].compactMap { $0 }.joined(separator: " ")
            out +=
                "<tr class=\"sev-\(f.severity.rawValue)\"><td>\(f.severity.rawValue)</td><td><code>\(HTMLText.escape(f.ruleID))</code></td>"
            out += "<td>\(HTMLText.escape(f.object ?? ""))</td><td>\(HTMLText.escape(at))</td>"
            out += "<td>\(HTMLText.escape(f.message))<br><span class=\"hint\">Fix: \(HTMLText.escape(f.hint))</span></td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    /// Items already escaped; "None." when empty.
    static func list(_ items: [String], ordered: Bool = false) -> String {
        guard !items.isEmpty else { return "<p>None.</p>\n" }
        let tag = ordered ? "ol" : "ul"
        return "<\(tag)>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</\(tag)>\n"
    }
}
