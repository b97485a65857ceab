import KubeReachCore

/// A connection set as the `ports` list of a rule: no list for every connection,
/// `protocol` alone for every port of it, `endPort` for ranges, and the container port's
/// name when every destination pod declares that one name for the number (names survive a
/// port change in the pod spec; numbers are used whenever a name could resolve otherwise).
enum PortRendering {
    static func ports(_ c: ConnectionSet, destinationPods: [Pod]?) -> [PolicyPort] {
        if c.isAll { return [] }
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

/// An address range as ipBlocks: the fewest CIDRs covering it, each with the input's pod
/// addresses inside it as `except`, so that an external peer never opens a pod as well
/// (ipBlocks match pod IPs unless `--ipblock-matches-pods false`).
public enum ExternalPeers {
    public static func blocks(_ range: IPRange, podIPs: [IPAddress]) -> [IPBlock] {
        range.cidrs.compactMap { cidr in
            let inside = podIPs.filter { cidr.range.contains($0) }
            if inside.isEmpty { return IPBlock(cidr: cidr) }
            let kept = cidr.range.subtracting(inside)
            if kept.isEmpty { return nil }
            let taken = IPRange.coalesced(inside.map { IPRange(family: $0.family, lower: $0.value, upper: $0.value) })
            return IPBlock(cidr: cidr, except: taken.flatMap(\.cidrs))
        }
    }
}
