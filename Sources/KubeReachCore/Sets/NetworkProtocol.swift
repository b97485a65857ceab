/// The transport protocols a NetworkPolicy can name. Their order (SCTP < TCP < UDP) is the
/// canonical print order of connection sets.
public enum NetworkProtocol: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case sctp = "SCTP"
    case tcp = "TCP"
    case udp = "UDP"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a protocol name as Kubernetes writes it (upper case); `tcp` is accepted too.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }
}
