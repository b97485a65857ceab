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
        "    " + (plainItem(e) ?? String(JSONOutput.encode(ConnectionDocument(e), with: encoder).dropLast()))
    }

    /// The item exactly as the compact, sorted-keys encoder writes it, without the encoder,
    /// when nothing in it needs escaping (names and connection text of printable ASCII without
    /// `"` or `\`) and the other protocols are all or none: nearly every item of a pod-level
    /// list, at a small part of the encoder's cost. nil otherwise (the encoder writes it).
    static func plainItem(_ e: ListedEdge) -> String? {
        let c = e.connections
        guard c.others.isAll || c.others.isEmpty else { return nil }
        let conn = c.description, src = e.source, dst = e.destination
        guard isPlain(conn), isPlain(src), isPlain(dst) else { return nil }
        var out = "{\"conn\":\"" + conn + "\",\"dst\":\"" + dst + "\",\"otherProtocols\":" + (c.otherProtocols ? "true" : "false")
        out += ",\"ports\":["
        for (i, r) in c.portRanges.enumerated() {
            if i > 0 { out += "," }
            out += "{\"from\":\(r.range.lowerBound),\"protocol\":\"\(r.proto.rawValue)\",\"to\":\(r.range.upperBound)}"
        }
        return out + "],\"src\":\"" + src + "\"}"
    }

    private static func isPlain(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}
