import KubeReachCore

/// The other IP protocols of a connection set when only some of them are in it (Calico and
/// Cilium rules can name ICMP messages or protocol numbers): whole protocols by number (1 and
/// 58 when every ICMP or ICMPv6 message is in), else the ICMP messages by type and code range.
/// Absent when all or none of them are (`otherProtocols` says which).
public struct OtherProtocolsDocument: Codable, Sendable, Equatable {
    /// The codes `fromCode...toCode` of one ICMP type.
    public struct Message: Codable, Sendable, Equatable {
        public var type: Int
        public var fromCode: Int
        public var toCode: Int

        public init(type: Int, fromCode: Int, toCode: Int) {
            self.type = type
            self.fromCode = fromCode
            self.toCode = toCode
        }
    }

    public var numbers: [Int]
    public var icmp: [Message]
    public var icmpv6: [Message]

    /// nil unless the set holds some but not all of the other protocols.
    public static func partial(_ connections: ConnectionSet) -> OtherProtocolsDocument? {
        let o = connections.others
        if o.isAll || o.isEmpty { return nil }
        let whole = ICMPFamily.allCases.filter { o.contains(number: $0.protocolNumber) }.map(\.protocolNumber)
        return OtherProtocolsDocument(
            numbers: (o.numbers + whole).sorted(), icmp: messages(o.icmp), icmpv6: messages(o.icmpv6))
    }

    private static func messages(_ set: ICMPMessageSet) -> [Message] {
        set.isAll ? [] : set.pieces.map { Message(type: $0.type, fromCode: $0.codes.lowerBound, toCode: $0.codes.upperBound) }
    }
}
