import KubeReachAnalysis
import KubeReachAttack
import KubeReachCore
import KubeReachLint

/// Everything the HTML report shows, computed by the caller (the CLI runs the engine,
/// Graphviz, lint and the exposure analysis); `HTMLReport.render` only lays it out.
public struct ReportContent: Sendable {
    public var title: String
    /// Shown under the title only when asked for (`--timestamp`): the report is otherwise
    /// the same bytes for the same input.
    public var timestamp: String?
    public var summary: ReportSummary
    /// Graphviz's SVG document, or nil when it could not be drawn (`diagramProblem` says why).
    public var svg: String?
    public var diagramNotes: [String] = []
    public var diagramProblem: String?
    /// The connectivity list at `level` as printed (external ranges merged or split), sorted;
    /// rows past `rowLimit` are left out.
    public var lines: [ListedEdge]
    /// Workload (the default) or pod (`report --by pod`).
    public var level: AggregationLevel = .workload
    public var rowLimit: Int
    /// Explanation text for the first rows (index = row), nil where there is none.
    public var explanations: [String?]
    public var exposure: (graph: ReachabilityGraph, report: ExposureReport)?
    public var findings: [LintFinding]
    /// The attack graph's paths to cluster-admin and nodes (nil: not computed).
    public var attack: CrossLayerPaths?

    public init(
        title: String, timestamp: String? = nil, summary: ReportSummary, svg: String?, diagramNotes: [String] = [],
        diagramProblem: String? = nil, edges: [ConnectivityEdge], externals: ExternalsMode = .split, rowLimit: Int = .max,
        explanations: [String?] = [], exposure: (graph: ReachabilityGraph, report: ExposureReport)? = nil, findings: [LintFinding] = []
    ) {
        self.title = title
        self.timestamp = timestamp
        self.summary = summary
        self.svg = svg
        self.diagramNotes = diagramNotes
        self.diagramProblem = diagramProblem
        self.lines = ListedEdge.lines(edges, externals)
        self.rowLimit = rowLimit
        self.explanations = explanations
        self.exposure = exposure
        self.findings = findings
    }
}

/// One self-contained HTML page: inline CSS and JavaScript, the diagram as inline SVG, no
/// resource loaded from anywhere (the page works offline and from a CI artefact). Every
/// name is escaped with `HTMLText`; deterministic.
public enum HTMLReport {
    public static func render(_ c: ReportContent) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLText.escape(c.title))</title>\n<style>\n\(ReportAssets.css)</style>\n</head>\n<body>\n"
        out += "<header><h1>\(HTMLText.escape(c.title))</h1>"
        out += "<p class=\"meta\">kubereach report" + (c.timestamp.map { " · generated \(HTMLText.escape($0))" } ?? "") + "</p>\n"
        out += "<nav><a href=\"#summary\">Summary</a> <a href=\"#diagram\">Diagram</a> <a href=\"#connectivity\">Connectivity</a> "
        out += "<a href=\"#exposure\">Exposure</a> <a href=\"#attack\">Attack paths</a> <a href=\"#lint\">Lint</a></nav></header>\n<main>\n"
        out += summarySection(c.summary)
        out += diagramSection(c)
        out += tableSection(c)
        out += exposureSection(c.exposure)
        out += CrossLayerFormatter.html(c.attack)
        out += lintSection(c.findings)
        out += "</main>\n"
        out += "<script type=\"application/json\" id=\"kubereach-summary\">\(HTMLText.scriptJSON(summaryJSON(c)))</script>\n"
        out += "<script>\n\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The figures for scripts that read the page (and for tests): a `ReportSummaryDocument`.
    static func summaryJSON(_ c: ReportContent) -> String {
        JSONOutput.encode(ReportSummaryDocument(title: c.title, summary: c.summary))
    }

    static func summarySection(_ s: ReportSummary) -> String {
        var out = "<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">\n"
        for f in s.figures {
            let alert = (f.key == "fromExternal" || f.key == "lintErrors") && f.value > 0 ? " alert" : ""
            out +=
                "<div class=\"card\(alert)\" data-key=\"\(f.key)\"><span class=\"n\">\(f.value)</span><span class=\"l\">\(HTMLText.escape(f.label))</span></div>\n"
        }
        return out + "</div></section>\n"
    }

    static func diagramSection(_ c: ReportContent) -> String {
        var out = "<section id=\"diagram\"><h2>Diagram</h2>\n"
        for n in c.diagramNotes { out += "<p class=\"note\">\(HTMLText.escape(n))</p>\n" }
        if let svg = c.svg.flatMap(HTMLText.inlineSVG) {
            out += "<div class=\"svg\">\n\(svg)\n</div>\n"
        } else {
            out += "<p class=\"note\">No diagram: \(HTMLText.escape(c.diagramProblem ?? "Graphviz gave no SVG")).</p>\n"
        }
        return out + "</section>\n"
    }
}
