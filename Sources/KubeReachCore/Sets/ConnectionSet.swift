/// An exact set of connections: for each protocol a NetworkPolicy can name, the set of
/// allowed destination ports, plus every other IP protocol (ICMP, ESP, GRE, ...) as one part.
///
/// The universe is the three port sets full *and* the other protocols: a rule without
/// `ports` allows it; a rule listing TCP, UDP and SCTP does not allow ICMP.
public struct ConnectionSet: Hashable, Sendable, CustomStringConvertible {
    public var sctp: PortSet
    public var tcp: PortSet
    public var udp: PortSet
    /// Every IP protocol other than TCP, UDP and SCTP. No `ports` entry can name them, so
    /// only a rule (or admin rule) without `ports` allows them, and they have no ports.
    public var otherProtocols: Bool

    public init(sctp: PortSet = .empty, tcp: PortSet = .empty, udp: PortSet = .empty, otherProtocols: Bool = false) {
        self.sctp = sctp
        self.tcp = tcp
        self.udp = udp
        self.otherProtocols = otherProtocols
    }

    /// Every protocol, every port: what a rule without `ports` allows.
    public static let all = ConnectionSet(sctp: .all, tcp: .all, udp: .all, otherProtocols: true)
    /// Every port of TCP, UDP and SCTP, and no other protocol.
    public static let allPorts = ConnectionSet(sctp: .all, tcp: .all, udp: .all)
    public static let none = ConnectionSet()

    public init(_ proto: NetworkProtocol, _ ports: PortSet) {
        self.init()
        self[proto] = ports
    }

    public subscript(proto: NetworkProtocol) -> PortSet {
        get {
            switch proto {
            case .sctp: sctp
            case .tcp: tcp
            case .udp: udp
            }
        }
        set {
            switch proto {
            case .sctp: sctp = newValue
            case .tcp: tcp = newValue
            case .udp: udp = newValue
            }
        }
    }

    public var isEmpty: Bool { sctp.isEmpty && tcp.isEmpty && udp.isEmpty && !otherProtocols }
    /// The whole universe: every port of TCP, UDP and SCTP and every other protocol.
    public var isAll: Bool { otherProtocols && hasAllPorts }
    /// Every port of TCP, UDP and SCTP (other protocols or not).
    public var hasAllPorts: Bool { sctp.isAll && tcp.isAll && udp.isAll }

    public func union(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.union(o.sctp), tcp: tcp.union(o.tcp), udp: udp.union(o.udp),
            otherProtocols: otherProtocols || o.otherProtocols)
    }

    public func intersection(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.intersection(o.sctp), tcp: tcp.intersection(o.tcp), udp: udp.intersection(o.udp),
            otherProtocols: otherProtocols && o.otherProtocols)
    }

    public func subtracting(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.subtracting(o.sctp), tcp: tcp.subtracting(o.tcp), udp: udp.subtracting(o.udp),
            otherProtocols: otherProtocols && !o.otherProtocols)
    }

    public func isSubset(of o: ConnectionSet) -> Bool { intersection(o) == self }

    public func contains(_ proto: NetworkProtocol, _ port: Int) -> Bool { self[proto].contains(port) }

    /// The canonical text: `All Connections` (the universe), `No Connections`, or
    /// `SCTP 1-65535,TCP 80,8080-8090,UDP 53` (protocols in alphabetical order), followed by
    /// `other protocols` when every other IP protocol is in the set but some port is not.
    public var description: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        var parts = NetworkProtocol.allCases.compactMap { p in
            self[p].isEmpty ? nil : "\(p.rawValue) \(self[p].description)"
        }
        if otherProtocols { parts.append(Self.otherProtocolsText) }
        return parts.joined(separator: ",")
    }

    /// How the other-protocols part is written in a connection set's text.
    public static let otherProtocolsText = "other protocols"

    /// One entry per protocol range, for structured output.
    public var portRanges: [(proto: NetworkProtocol, range: ClosedRange<Int>)] {
        NetworkProtocol.allCases.flatMap { p in self[p].ranges.map { (p, $0) } }
    }
}
