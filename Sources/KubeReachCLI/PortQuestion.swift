import KubeReachCore

/// What `--port`/`--protocol` ask once resolved: one protocol and port, a whole protocol,
/// or anything at all (both nil).
struct PortQuestion {
    var proto: NetworkProtocol? = nil
    var port: Int? = nil
    /// The container port name it was asked by, if any (shown beside the number).
    var name: String? = nil

    /// The single protocol/port asked about, when a port was given.
    var asked: (NetworkProtocol, Int)? { port.map { (proto ?? .tcp, $0) } }

    /// ` on TCP 8080`, ` on TCP 9090 (metrics)`, ` on UDP` (any port), or empty (anything).
    var askedText: String {
        if let port { return " on \((proto ?? .tcp).rawValue) \(port)" + (name.map { " (\($0))" } ?? "") }
        return proto.map { " on \($0.rawValue)" } ?? ""
    }

    /// The connections asked about; nil when anything at all was.
    var connections: ConnectionSet? {
        if let (p, n) = asked { return ConnectionSet(p, PortSet(port: n)) }
        return proto.map { ConnectionSet($0, .all) }
    }

    func isAllowed(_ conns: ConnectionSet) -> Bool {
        if let (p, n) = asked { return conns.contains(p, n) }
        if let proto { return !conns[proto].isEmpty }
        return !conns.isEmpty
    }
}
