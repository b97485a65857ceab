import KubeReachAnalysis
import KubeReachCore

/// A diff as one `DiffDocument` for `jq`.
enum DiffJSONFormatter {
    static func render(_ diff: ConnectivityDiff, old: String, new: String, level: AggregationLevel) -> String {
        JSONOutput.encode(DiffDocument(diff, old: old, new: new, level: level))
    }
}
