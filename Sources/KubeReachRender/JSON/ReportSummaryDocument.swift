/// The figures embedded in the HTML report (`<script type="application/json"
/// id="kubereach-summary">`), for scripts that read the page.
public struct ReportSummaryDocument: Codable, Sendable {
    public var version = JSONOutput.version
    public var title: String
    public var summary: ReportSummary
}
