/// An exact set of connections: for each protocol a NetworkPolicy can name, the set of
/// allowed destination ports, plus every other IP protocol (ICMP, ESP, GRE, ...) as one part.
///
/// The universe is the three port sets full *and* the other protocols: a rule without
/// `ports` allows it; a rule listing TCP, UDP and SCTP does not allow ICMP.
public struct ConnectionSet: Hashable, Sendable, CustomStringConvertible {
    public var sctp: PortSet
    public var tcp: PortSet
    public var udp: PortSet
    /// Every IP protocol other than TCP, UDP and SCTP, exactly (numbers, ICMP messages). A
    /// NetworkPolicy or admin rule without `ports` allows all of it; only Calico and Cilium
    /// rules name parts of it.
    public var others: OtherProtocolSet

    /// Whether every other IP protocol is in the set (the one bit NetworkPolicy can express).
    public var otherProtocols: Bool {
        get { others.isAll }
        set { others = newValue ? .all : .none }
    }

    public init(sctp: PortSet = .empty, tcp: PortSet = .empty, udp: PortSet = .empty, otherProtocols: Bool = false) {
        self.init(sctp: sctp, tcp: tcp, udp: udp, others: otherProtocols ? .all : .none)
    }

    public init(sctp: PortSet = .empty, tcp: PortSet = .empty, udp: PortSet = .empty, others: OtherProtocolSet) {
        self.sctp = sctp
        self.tcp = tcp
        self.udp = udp
        self.others = others
    }

    /// One whole IP protocol by number: every port of TCP (6), UDP (17) or SCTP (132), else
    /// that other protocol (every message of ICMP 1 and ICMPv6 58).
    public static func protocolNumber(_ n: Int) -> ConnectionSet {
        switch n {
        case 6: ConnectionSet(.tcp, .all)
        case 17: ConnectionSet(.udp, .all)
        case 132: ConnectionSet(.sctp, .all)
        default: ConnectionSet(others: .number(n))
        }
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

    public var isEmpty: Bool { sctp.isEmpty && tcp.isEmpty && udp.isEmpty && others.isEmpty }
    /// The whole universe: every port of TCP, UDP and SCTP and every other protocol.
    public var isAll: Bool { otherProtocols && hasAllPorts }
    /// Every port of TCP, UDP and SCTP (other protocols or not).
    public var hasAllPorts: Bool { sctp.isAll && tcp.isAll && udp.isAll }

    public func union(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.union(o.sctp), tcp: tcp.union(o.tcp), udp: udp.union(o.udp),
            others: others.union(o.others))
    }

    public func intersection(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.intersection(o.sctp), tcp: tcp.intersection(o.tcp), udp: udp.intersection(o.udp),
            others: others.intersection(o.others))
    }

    public func subtracting(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.subtracting(o.sctp), tcp: tcp.subtracting(o.tcp), udp: udp.subtracting(o.udp),
            others: others.subtracting(o.others))
    }

    public func isSubset(of o: ConnectionSet) -> Bool { intersection(o) == self }

    public func contains(_ proto: NetworkProtocol, _ port: Int) -> Bool { self[proto].contains(port) }

    /// The canonical text: `All Connections` (the universe), `No Connections`, or
    /// `SCTP 1-65535,TCP 80,8080-8090,UDP 53` (protocols in alphabetical order), followed by
    /// `other protocols` when every other IP protocol is in the set but some port is not, or
    /// by the parts of them it holds (`ICMP 8,protocol 47`, see `OtherProtocolSet`).
    public var description: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        var parts = NetworkProtocol.allCases.compactMap { p in
            self[p].isEmpty ? nil : "\(p.rawValue) \(self[p].description)"
        }
        if !others.isEmpty { parts.append(others.description) }
        return parts.joined(separator: ",")
    }

    /// How the other-protocols part is written in a connection set's text.
    public static let otherProtocolsText = "other protocols"

    /// One entry per protocol range, for structured output.
    public var portRanges: [(proto: NetworkProtocol, range: ClosedRange<Int>)] {
        NetworkProtocol.allCases.flatMap { p in self[p].ranges.map { (p, $0) } }
    }
}
