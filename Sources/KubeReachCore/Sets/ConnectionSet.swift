/// An exact set of connections: for each protocol, the set of allowed destination ports.
public struct ConnectionSet: Hashable, Sendable, CustomStringConvertible {
    public var sctp: PortSet
    public var tcp: PortSet
    public var udp: PortSet

    public init(sctp: PortSet = .empty, tcp: PortSet = .empty, udp: PortSet = .empty) {
        self.sctp = sctp
        self.tcp = tcp
        self.udp = udp
    }

    public static let all = ConnectionSet(sctp: .all, tcp: .all, udp: .all)
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

    public var isEmpty: Bool { sctp.isEmpty && tcp.isEmpty && udp.isEmpty }
    public var isAll: Bool { sctp.isAll && tcp.isAll && udp.isAll }

    public func union(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(sctp: sctp.union(o.sctp), tcp: tcp.union(o.tcp), udp: udp.union(o.udp))
    }

    public func intersection(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.intersection(o.sctp), tcp: tcp.intersection(o.tcp), udp: udp.intersection(o.udp))
    }

    public func subtracting(_ o: ConnectionSet) -> ConnectionSet {
        ConnectionSet(
            sctp: sctp.subtracting(o.sctp), tcp: tcp.subtracting(o.tcp), udp: udp.subtracting(o.udp))
    }

    public func isSubset(of o: ConnectionSet) -> Bool { intersection(o) == self }

    public func contains(_ proto: NetworkProtocol, _ port: Int) -> Bool { self[proto].contains(port) }

    /// The canonical text: `All Connections`, `No Connections`, or
    /// `SCTP 1-65535,TCP 80,8080-8090,UDP 53` (protocols in alphabetical order).
    public var description: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        return NetworkProtocol.allCases.compactMap { p in
            self[p].isEmpty ? nil : "\(p.rawValue) \(self[p].description)"
        }.joined(separator: ",")
    }

    /// One entry per protocol range, for structured output.
    public var portRanges: [(proto: NetworkProtocol, range: ClosedRange<Int>)] {
        NetworkProtocol.allCases.flatMap { p in self[p].ranges.map { (p, $0) } }
    }
}
