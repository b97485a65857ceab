/// The connections a Calico rule's protocol and port conditions cover (Docs/semantics.md,
/// Calico): `protocol` AND NOT `notProtocol`, the ICMP type/code conditions, then the
/// destination's `ports` AND NOT `notPorts` in the rule's protocol.
extension CalicoRule {
    /// What the rule covers towards a destination with these container ports (nil: an
    /// address, where a named port never matches).
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        var set = proto?.connections ?? .all
        if let notProto { set = set.subtracting(notProto.connections) }
        if let icmp, let family = proto?.icmpFamily { set = set.intersection(.icmpMessages(family, icmp)) }
        if let notICMP, let family = proto?.icmpFamily { set = set.subtracting(.icmpMessages(family, notICMP)) }
        let ports = destination.ports, notPorts = destination.notPorts
        if !ports.isEmpty { set = set.intersection(portConnections(ports, destinationPorts: destinationPorts)) }
        if !notPorts.isEmpty { set = set.subtracting(portConnections(notPorts, destinationPorts: destinationPorts)) }
        return set
    }

    /// The conditions kubereach cannot decide offline, by field path: an `http` match,
    /// source ports (ephemeral on the client), `services` peers, and ports on UDPLite.
    public var runtimeConditions: [String] {
        var out = layer7Fields
        if !source.ports.isEmpty || !source.notPorts.isEmpty { out.append("source.ports") }
        if source.service != nil { out.append("source.services") }
        if destination.service != nil { out.append("destination.services") }
        if proto == .udplite && !(destination.ports.isEmpty && destination.notPorts.isEmpty) { out.append("destination.ports (UDPLite)") }
        return out
    }

    /// The address family the rule is limited to: `ipVersion`, else the family of its CIDRs
    /// when they all share one (Calico renders such a rule for that family only).
    public var family: IPFamily? {
        if let ipVersion { return ipVersion }
        let cidrs = source.nets + source.notNets + destination.nets + destination.notNets
        guard let first = cidrs.first?.address.family else { return nil }
        return cidrs.allSatisfy { $0.address.family == first } ? first : nil
    }

    private func portConnections(_ ports: [CalicoPort], destinationPorts: [ContainerPort]?) -> ConnectionSet {
        let transports = proto.map { $0.transport.map { [$0] } ?? [] } ?? NetworkProtocol.allCases
        guard proto != .udplite else { return CalicoProtocol.udplite.connections }
        var out = ConnectionSet.none
        for transport in transports {
            var set = PortSet.empty
            for port in ports {
                switch port {
                case .range(let lo, let hi) where hi >= PortSet.minPort: set = set.union(PortSet(range: max(lo, PortSet.minPort)...hi))
                case .range: break
                case .named(let name):
                    for p in destinationPorts ?? [] where p.name == name && p.proto == transport { set = set.union(PortSet(port: p.port)) }
                }
            }
            out = out.union(ConnectionSet(transport, set))
        }
        return out
    }
}

extension CalicoProtocol {
    /// Every packet of the protocol.
    public var connections: ConnectionSet {
        switch self {
        case .tcp: return .protocolNumber(6)
        case .udp: return .protocolNumber(17)
        case .sctp: return .protocolNumber(132)
        case .icmp: return .protocolNumber(1)
        case .icmpv6: return .protocolNumber(58)
        case .udplite: return .protocolNumber(136)
        case .number(let n): return .protocolNumber(n)
        }
    }

    /// The ICMP family whose messages `icmp`/`notICMP` name under this protocol.
    var icmpFamily: ICMPFamily? {
        switch self {
        case .icmp: return .v4
        case .icmpv6: return .v6
        default: return nil
        }
    }
}

extension ConnectionSet {
    /// The ICMP messages of one type (and code).
    static func icmpMessages(_ family: ICMPFamily, _ match: CalicoICMPMatch) -> ConnectionSet {
        ConnectionSet(others: .icmp(family, type: match.type, code: match.code))
    }
}
