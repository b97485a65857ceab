import Foundation

/// Structure checks on the HTML report (HTML5 is not XML, so it is checked piece by piece).
enum ReportHTML {
    /// The only URLs a report may contain: the SVG and XLink namespace names, which are
    /// identifiers, never fetched.
    static let allowedURLs: Set<String> = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]

    /// Every `http://` or `https://` URL in the page, up to a quote, space or `>`.
    static func urls(_ html: String) -> [String] {
        html.matches(of: /https?:\/\/[^"'\s<>)]*/).map { String($0.output) }
    }

    /// The text of each `<script ...>` element: from after the opening tag to the first
    /// `</script` (where a browser ends it, whatever the script meant).
    static func scripts(_ html: String) -> [Substring] {
        html.matches(of: /<script[^>]*>/).map { open in
            let rest = html[open.range.upperBound...]
            return rest.firstRange(of: "</script").map { rest[..<$0.lowerBound] } ?? rest
        }
    }

    /// The embedded summary figures (`<script type="application/json" id="kubereach-summary">`).
    static func summary(_ html: String) -> [String: Any]? {
        guard let json = scripts(html).first(where: { $0.contains("\"summary\"") && $0.contains("\"title\"") }),
            let document = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
            var figures = document["summary"] as? [String: Any]
        else { return nil }
        figures["title"] = document["title"]
        figures["version"] = document["version"]
        return figures
    }

    static func count(_ needle: String, in html: String) -> Int { html.ranges(of: needle).count }
}
