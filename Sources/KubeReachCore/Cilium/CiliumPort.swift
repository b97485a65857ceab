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
    /// address). `ANY` is TCP, UDP and SCTP, never another IP protocol: Cilium expands it
    /// to those three, and only a rule without `toPorts` and `icmps` covers ICMP and the rest.
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        let protocols = proto.protocols
        if let name {
            guard let destinationPorts else { return .none }
            return destinationPorts.filter { $0.name == name && protocols.contains($0.proto) }.reduce(ConnectionSet.none) {
                $0.union(ConnectionSet($1.proto, PortSet(port: $1.port)))
            }
        }
        let ports = number.map { PortSet(range: $0...max($0, endPort ?? $0)) } ?? .all
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
