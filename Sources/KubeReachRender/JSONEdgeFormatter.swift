import Foundation
import KubeReachCore

/// `list -o json`: a `ConnectionListDocument`, written whole or item by item (a pod-level
/// list can be tens of megabytes, so the stream never holds it as one value).
enum JSONEdgeFormatter {

    /// The document's text before the first item, between items, and after the last, in
    /// the encoder's layout (keys sorted: `connections` before `version`).
    static let head = "{\n  \"connections\" : [\n"
    static let separator = ",\n"
    static let tail = "\n  ],\n  \"version\" : \(JSONOutput.version)\n}\n"
    static let empty = "{\n  \"connections\" : [\n\n  ],\n  \"version\" : \(JSONOutput.version)\n}\n"

    /// One item on one line (a pod-level list has hundreds of thousands), indented as an
    /// element of `connections`.
    static func item(_ e: ListedEdge, encoder: JSONEncoder) -> String {
        "    " + String(JSONOutput.encode(ConnectionDocument(e), with: encoder).dropLast())
    }
}
