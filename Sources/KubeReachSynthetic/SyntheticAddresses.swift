/// Pod addresses by pod index, from pools that cannot overflow: IPv4 from 10.0.0.0/8 and
/// IPv6 from fd00::/64, one address per index, all distinct. (The IPv6 form once wrote the
/// whole index as one group, so index 65,540 became `fd00::10004`, which is no address.)
public enum SyntheticAddresses {
    /// The largest pod count the pools give distinct addresses to (all of 10.0.0.0/8).
    public static let capacity = 1 << 24

    /// `10.a.b.c` for the index's three low bytes.
    public static func ipv4(_ index: Int) -> String {
        precondition(index >= 0 && index < capacity, "pod index \(index) outside the 10.0.0.0/8 pool")
        return "10.\(index >> 16 & 255).\(index >> 8 & 255).\(index & 255)"
    }

    /// `fd00::HEX` below 65,536 (the form earlier versions wrote), `fd00::HIGH:LOW` above:
    /// every group at most four hex digits.
    public static func ipv6(_ index: Int) -> String {
        precondition(index >= 0 && index < capacity, "pod index \(index) outside the fd00::/64 pool")
        let low = String(index & 0xFFFF, radix: 16)
        return index < 0x10000 ? "fd00::\(low)" : "fd00::\(String(index >> 16, radix: 16)):\(low)"
    }
}
