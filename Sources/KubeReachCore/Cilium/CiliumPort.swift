/// One `toPorts[].ports[]` entry. `port` 0 (or omitted) means every port of the protocol;
/// a name resolves on the destination pod's container ports.
public struct CiliumPort: Hashable, Sendable {
    public var proto: CiliumProtocol
    /// nil: every port.
    public var number: Int?
    public var endPort: Int?
    public var name: String?

    public init(proto: CiliumProtocol = .any, number: Int? = nil, endPort: Int? = nil, name: String? = nil) {
        self.proto = proto
        self.number = number == 0 ? nil : number
        self.endPort = endPort
        self.name = name
    }

    /// What the entry covers towards a destination with these container ports (nil: an
    /// address). `ANY` on every port is every protocol, other IP protocols included.
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        let protocols = proto.protocols
        if let name {
            guard let destinationPorts else { return .none }
            return destinationPorts.filter { $0.name == name && protocols.contains($0.proto) }.reduce(ConnectionSet.none) {
                $0.union(ConnectionSet($1.proto, PortSet(port: $1.port)))
            }
        }
        guard let number else {
            if proto == .any { return .all }
            return ConnectionSet(protocols[0], .all)
        }
        let ports = PortSet(range: number...max(number, endPort ?? number))
        return protocols.reduce(ConnectionSet.none) { $0.union(ConnectionSet($1, ports)) }
    }
}

/// `protocol` of a Cilium port: TCP, UDP, SCTP or ANY (the default when omitted).
public enum CiliumProtocol: String, Hashable, Sendable, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
    case any = "ANY"

    var protocols: [NetworkProtocol] {
        switch self {
        case .tcp: [.tcp]
        case .udp: [.udp]
        case .sctp: [.sctp]
        case .any: [.tcp, .udp, .sctp]
        }
    }
}
