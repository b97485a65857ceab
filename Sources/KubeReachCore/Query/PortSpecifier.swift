/// The one notation for a protocol and port, shared by `eval --port`, `list --focus-conn`,
/// the lateral commands' `--port` and intent files: `80` (TCP), `tcp/80`, `UDP/53`,
/// `sctp/9`, `tcp/8000-8090` (a range), `tcp` (every port of it), `all`, a container port
/// name (`metrics`, `udp/dns`) resolved on the destination's pods, and `tcp-8080` as
/// netpol-analyzer's `--focus-conn` writes it. Protocols are case-insensitive.
public struct PortSpecifier: Hashable, Sendable, CustomStringConvertible {
    public enum Port: Hashable, Sendable {
        /// Every port (of `proto`, or of every protocol with `all`).
        case every
        case range(ClosedRange<Int>)
        /// A container port name, resolved on the destination's pods.
        case name(String)
    }

    /// nil: not written (TCP for numbers, any protocol for a name, everything for `all`).
    public var proto: NetworkProtocol?
    public var port: Port

    public init(proto: NetworkProtocol?, port: Port) {
        self.proto = proto
        self.port = port
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "invalid port '\(text)': \(reason)" }
    }

    static let forms = "expected 80, tcp/80, udp/53, sctp/9, tcp/8000-8090, tcp, all, or a container port name"

    public static func parse(_ text: String) throws(ParseError) -> PortSpecifier {
        let t = text.trimmingWhitespace()
        if t.lowercased() == "all" { return PortSpecifier(proto: nil, port: .every) }
        if let proto = NetworkProtocol(name: t) { return PortSpecifier(proto: proto, port: .every) }
        var protoText: String?, portText = t
        if let slash = t.firstIndex(of: "/") {
            protoText = String(t[..<slash])
            portText = String(t[t.index(after: slash)...])
        } else if let dash = t.firstIndex(of: "-"), NetworkProtocol(name: String(t[..<dash])) != nil {
            // `tcp-8080`, the --focus-conn form of netpol-analyzer.
            protoText = String(t[..<dash])
            portText = String(t[t.index(after: dash)...])
        }
        var proto: NetworkProtocol? = nil
        if let protoText {
            guard let p = NetworkProtocol(name: protoText) else { throw ParseError(text: text, reason: "unknown protocol; \(forms)") }
            proto = p
        }
        guard !portText.isEmpty else { throw ParseError(text: text, reason: forms) }
        if portText.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), portText.contains(where: \.isLetter) {
            guard portText.count <= 15, portText.first != "-", portText.last != "-" else {
                throw ParseError(text: text, reason: "a port name is 1-15 letters, digits and inner dashes")
            }
            return PortSpecifier(proto: proto, port: .name(portText))
        }
        return PortSpecifier(proto: proto, port: .range(try range(portText, text)))
    }

    private static func range(_ portText: String, _ text: String) throws(ParseError) -> ClosedRange<Int> {
        let bounds = portText.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0) }
        guard let lo = bounds.first ?? nil, let hi = bounds.last ?? nil else {
            throw ParseError(text: text, reason: "the port must be a number, a range N-M or a name")
        }
        let valid = PortSet.minPort...PortSet.maxPort
        guard valid.contains(lo), valid.contains(hi) else { throw ParseError(text: text, reason: "ports are 1-65535") }
        guard lo <= hi else { throw ParseError(text: text, reason: "the range ends before it starts") }
        return lo...hi
    }

    /// `TCP 8080`, `UDP`, `port metrics`, `all`: how answers repeat the question.
    public var description: String {
        switch port {
        case .every: proto?.rawValue ?? "all"
        case .range(let r): "\((proto ?? .tcp).rawValue) \(r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)")"
        case .name(let n): (proto.map { "\($0.rawValue) " } ?? "") + "port \(n)"
        }
    }

    /// One number on one protocol, when that is what was written.
    public var single: (NetworkProtocol, Int)? {
        guard case .range(let r) = port, r.count == 1 else { return nil }
        return (proto ?? .tcp, r.lowerBound)
    }
}
