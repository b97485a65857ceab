import KubeReachCore

/// A JSON array, 2-space indent, of `{src, dst, conn, ports, otherProtocols}`; `ports` lists
/// `{"protocol","from","to"}` per allowed TCP/UDP/SCTP range so that `jq` needs no string
/// parsing, and `otherProtocols` says whether every other IP protocol (ICMP, ...) is allowed.
enum JSONEdgeFormatter {
    static func render(_ edges: [ConnectivityEdge]) -> String {
        if edges.isEmpty { return "[]\n" }
        return "[\n" + edges.map(item).joined(separator: ",\n") + "\n]\n"
    }

    static func item(_ e: ConnectivityEdge) -> String {
        let ports = e.connections.portRanges.map {
            "      {\"protocol\": \"\($0.proto.rawValue)\", \"from\": \($0.range.lowerBound), \"to\": \($0.range.upperBound)}"
        }
        return """
              {
                "src": \(JSONText.quote(e.source.description)),
                "dst": \(JSONText.quote(e.destination.description)),
                "conn": \(JSONText.quote(e.connections.description)),
                "ports": [
            \(ports.joined(separator: ",\n"))
                ],
                "otherProtocols": \(e.connections.otherProtocols)
              }
            """
    }
}
