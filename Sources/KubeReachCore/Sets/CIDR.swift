/// An address block `address/prefix`. Host bits are kept as written (for messages) but
/// ignored for matching, as the Kubernetes API server does.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    public var address: IPAddress
    public var prefixLength: Int

    public enum ParseError: Error, Equatable, Sendable {
        case missingPrefix
        case invalidAddress(String)
        case invalidPrefix(String)
    }

    public init(address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    public static func parse(_ text: String) throws(ParseError) -> CIDR {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .missingPrefix }
        guard let address = IPAddress(String(parts[0])) else { throw .invalidAddress(String(parts[0])) }
        let p = parts[1]
        guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p),
            n <= address.family.bitWidth
        else { throw .invalidPrefix(String(p)) }
        return CIDR(address: address, prefixLength: n)
    }

    /// True when bits beyond the prefix are set (`10.0.0.1/8`).
    public var hasHostBits: Bool { range.lower != address.value }

    public var range: IPRange {
        let width = address.family.bitWidth
        let hostBits = width - prefixLength
        let hostMask: UInt128 = hostBits == 0 ? 0 : (hostBits >= 128 ? UInt128.max : (UInt128(1) << hostBits) - 1)
        let lower = address.value & ~hostMask & address.family.maxValue
        return IPRange(family: address.family, lower: lower, upper: lower | hostMask)
    }

    public var description: String { "\(address)/\(prefixLength)" }
}
