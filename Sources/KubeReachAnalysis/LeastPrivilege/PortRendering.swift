import KubeReachCore

/// A connection set as the `ports` list of a rule: no list for every connection,
/// `protocol` alone for every port of it, `endPort` for ranges, and the container port's
/// name when every destination pod declares that one name for the number (names survive a
/// port change in the pod spec; numbers are used whenever a name could resolve otherwise).
/// Only a rule without `ports` allows the protocols other than TCP, UDP and SCTP (ICMP, ...),
/// so a set holding them is written without a list: exact for `All Connections`, wider
/// otherwise (the check then reports the difference). Every port of the three protocols
/// without the others is `protocol: TCP`, `UDP` and `SCTP` entries, which keep ICMP out.
enum PortRendering {
    static func ports(_ c: ConnectionSet, destinationPods: [Pod]?) -> [PolicyPort] {
        if c.isAll || c.otherProtocols { return [] }
        var out: [PolicyPort] = []
        for proto in [NetworkProtocol.tcp, .udp, .sctp] where !c[proto].isEmpty {
            if c[proto].isAll {
                out.append(PolicyPort(proto: proto))
                continue
            }
            for r in c[proto].ranges {
                if r.count == 1, let name = name(of: r.lowerBound, proto, destinationPods) {
                    out.append(PolicyPort(proto: proto, port: .name(name)))
                } else {
                    out.append(PolicyPort(proto: proto, port: .number(r.lowerBound), endPort: r.count > 1 ? r.upperBound : nil))
                }
            }
        }
        return out
    }

    /// The one name every pod gives the port, provided no pod also uses it for another number.
    static func name(of port: Int, _ proto: NetworkProtocol, _ pods: [Pod]?) -> String? {
        guard let pods, !pods.isEmpty else { return nil }
        var found: String?
        for pod in pods {
            let names = Set(pod.ports.filter { $0.port == port && $0.proto == proto }.compactMap(\.name))
            guard names.count == 1, let n = names.first, found == nil || found == n else { return nil }
            guard pod.ports.allSatisfy({ $0.name != n || ($0.port == port && $0.proto == proto) }) else { return nil }
            found = n
        }
        return found
    }
}

/// Address ranges as ipBlocks, the shorter of two exact forms: the fewest CIDRs covering
/// them, or per family the smallest CIDR around them with the gaps as `except` (how people
/// write "the internet but not 10.0.0.0/8"). The input's pod addresses are taken out
/// first, so that an external peer never opens a pod as well (ipBlocks match pod IPs
/// unless `--ipblock-matches-pods false`).
public enum ExternalPeers {
    public static func blocks(_ ranges: [IPRange], podIPs: [IPAddress]) -> [IPBlock] {
        let kept = IPRange.coalesced(ranges).flatMap { $0.subtracting(podIPs) }
        return IPFamily.allCases.flatMap { family -> [IPBlock] in
            let mine = kept.filter { $0.family == family }
            guard let lo = mine.first?.lower, let hi = mine.last?.upper else { return [] }
            let plain = mine.flatMap(\.cidrs).map { IPBlock(cidr: $0) }
            let hull = enclosing(family, lo, hi)
            let gaps = hull.range.subtracting(mine)
            let excepts = gaps.flatMap(\.cidrs)
            return excepts.count + 1 < plain.count ? [IPBlock(cidr: hull, except: excepts)] : plain
        }
    }

    /// The smallest CIDR holding both addresses.
    static func enclosing(_ family: IPFamily, _ lo: UInt128, _ hi: UInt128) -> CIDR {
        let differing = lo ^ hi
        let bits = differing == 0 ? 0 : 128 - differing.leadingZeroBitCount
        let mask: UInt128 = bits == 0 ? 0 : (bits >= 128 ? .max : (UInt128(1) << bits) - 1)
        return CIDR(address: IPAddress(family: family, value: lo & ~mask), prefixLength: family.bitWidth - bits)
    }
}
