/// One `icmps[].fields[]` entry: an ICMP (IPv4) or ICMPv6 message type. Cilium matches
/// the type only (every code of it); the type travels as the "port" of the ICMP protocol,
/// so type 0 is the wildcard port and matches every type of its family (cilium/cilium#41304).
public struct CiliumICMPField: Hashable, Sendable, CustomStringConvertible {
    public var family: ICMPFamily
    public var type: Int

    public init(family: ICMPFamily = .v4, type: Int) {
        self.family = family
        self.type = type
    }

    /// Whether Cilium reads the type as its wildcard: every type of the family.
    public var matchesEveryType: Bool { type == 0 }

    /// `ICMP 8`, `ICMPv6 128`.
    public var description: String { family.rawValue + " " + String(type) }

    /// A CamelCase type name (as Cilium's CRD accepts it) for a family, nil when unknown.
    public static func type(named name: String, family: ICMPFamily) -> Int? {
        (family == .v4 ? v4Names : v6Names)[name]
    }

    /// Every name Cilium accepts for a family, for error messages.
    public static func names(_ family: ICMPFamily) -> [String] {
        (family == .v4 ? v4Names : v6Names).keys.sorted()
    }

    static let v4Names: [String: Int] = [
        "EchoReply": 0, "DestinationUnreachable": 3, "Redirect": 5, "Echo": 8, "EchoRequest": 8, "RouterAdvertisement": 9,
        "RouterSelection": 10, "TimeExceeded": 11, "ParameterProblem": 12, "Timestamp": 13, "TimestampReply": 14, "Photuris": 40,
        "ExtendedEchoRequest": 42, "ExtendedEchoReply": 43,
    ]

    static let v6Names: [String: Int] = [
        "DestinationUnreachable": 1, "PacketTooBig": 2, "TimeExceeded": 3, "ParameterProblem": 4, "EchoRequest": 128,
        "EchoReply": 129, "MulticastListenerQuery": 130, "MulticastListenerReport": 131, "MulticastListenerDone": 132,
        "RouterSolicitation": 133, "RouterAdvertisement": 134, "NeighborSolicitation": 135, "NeighborAdvertisement": 136,
        "RedirectMessage": 137, "RouterRenumbering": 138, "ICMPNodeInformationQuery": 139, "ICMPNodeInformationResponse": 140,
        "InverseNeighborDiscoverySolicitation": 141, "InverseNeighborDiscoveryAdvertisement": 142,
        "HomeAgentAddressDiscoveryRequest": 144, "HomeAgentAddressDiscoveryReply": 145, "MobilePrefixSolicitation": 146,
        "MobilePrefixAdvertisement": 147, "DuplicateAddressRequestCodeSuffix": 157, "DuplicateAddressConfirmationCodeSuffix": 158,
        "ExtendedEchoRequest": 160, "ExtendedEchoReply": 161,
    ]
}

extension CiliumICMPField {
    /// The messages it covers: every code of its type, or the whole protocol for type 0.
    public var connections: ConnectionSet {
        ConnectionSet(others: .icmp(family, type: matchesEveryType ? nil : type, code: nil))
    }
}
