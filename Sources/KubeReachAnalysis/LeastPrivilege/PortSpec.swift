import KubeReachCore

/// The port notation of intent files: `tcp/8080`, `udp/53`, `tcp/8000-8090`, `sctp/9`,
/// `tcp` (every TCP port), a bare `8080` (TCP), or `all`.
public enum PortSpec {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "invalid port '\(text)': \(reason)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> ConnectionSet {
        let t = text.trimmingWhitespace()
        if t.lowercased() == "all" { return .all }
        let parts = t.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let protoText = parts.count == 2 ? parts[0] : (Int(t) == nil ? t : "tcp")
        guard let proto = NetworkProtocol(name: protoText) else {
            throw ParseError(text: text, reason: "expected tcp/PORT, udp/PORT, sctp/PORT, a range like tcp/8000-8090, or all")
        }
        let portText = parts.count == 2 ? parts[1] : (Int(t) == nil ? "" : t)
        if portText.isEmpty { return ConnectionSet(proto, .all) }
        let bounds = portText.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0) }
        guard bounds.allSatisfy({ $0 != nil }), let lo = bounds.first!, let hi = bounds.last! else {
            throw ParseError(text: text, reason: "the port must be a number or a range N-M")
        }
        guard (PortSet.minPort...PortSet.maxPort).contains(lo), (PortSet.minPort...PortSet.maxPort).contains(hi) else {
            throw ParseError(text: text, reason: "ports are 1-65535")
        }
        guard lo <= hi else { throw ParseError(text: text, reason: "the range ends before it starts") }
        return ConnectionSet(proto, PortSet(range: lo...hi))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (Core has no Foundation).
    func trimmingWhitespace() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\r" }
        // Only the ends are looked at (a reversed copy of the text cost most of reading a flow file).
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
