import KubeReachCore

/// How external address ranges appear in a connectivity list (`--externals`).
public enum ExternalsMode: String, CaseIterable, Sendable {
    /// One line per range the policies cut the address space into, as netpol-analyzer
    /// prints them (the txt, csv and json default).
    case split
    /// One line per pair and connection set: the ranges of a workload's external lines that
    /// allow the same connections, joined and printed as CIDRs (where a person reads).
    case merged
}

/// One printed line of a connectivity list. Names rather than endpoints, because a merged
/// line names several external ranges; `members` keeps the list edges it stands for.
public struct ListedEdge: Sendable, Equatable {
    public var source: String
    public var destination: String
    public var connections: ConnectionSet
    /// One edge, or (merged) one per external range, in list order.
    public var members: [ConnectivityEdge]

    public init(_ e: ConnectivityEdge) {
        source = e.source.description
        destination = e.destination.description
        connections = e.connections
        members = [e]
    }

    public var sourceIsExternal: Bool { members.first?.source.isExternal ?? false }
    public var destinationIsExternal: Bool { members.first?.destination.isExternal ?? false }

    /// The lines of `edges` in `mode`, sorted by source then destination as byte strings.
    public static func lines(_ edges: [ConnectivityEdge], _ mode: ExternalsMode) -> [ListedEdge] {
        mode == .split ? edges.map(ListedEdge.init) : merged(edges)
    }

    /// Lines between an external range and a workload (or pod, or namespace) that allow the
    /// same connections become one, named by the union of their ranges. Lines between two
    /// cluster endpoints stay as they are.
    ///
    /// - Complexity: O(lines × log lines).
    static func merged(_ edges: [ConnectivityEdge]) -> [ListedEdge] {
        struct Key: Hashable {
            var inside: Endpoint
            var inbound: Bool
            var connections: ConnectionSet
        }
        var groups: [Key: [ConnectivityEdge]] = [:]
        var order: [Key] = []
        var out: [ListedEdge] = []
        for e in edges {
            let inbound = e.source.isExternal
            guard inbound != e.destination.isExternal else {
                out.append(ListedEdge(e))
                continue
            }
            let key = Key(inside: inbound ? e.destination : e.source, inbound: inbound, connections: e.connections)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(e)
        }
        for key in order {
            guard let members = groups[key], var line = members.first.map(ListedEdge.init) else { continue }
            let name = rangeName(members.compactMap { (key.inbound ? $0.source : $0.destination).externalRange })
            if key.inbound { line.source = name } else { line.destination = name }
            line.members = members
            out.append(line)
        }
        return out.sorted {
            $0.source != $1.source ? $0.source.utf8Precedes($1.source) : $0.destination.utf8Precedes($1.destination)
        }
    }

    /// The union of `ranges` as CIDRs joined by commas (IPv4, then `and` IPv6), with the suffix that
    /// marks external endpoints (`0.0.0.0/0[External]`). A family's union that is most of
    /// its address space is written as an ipBlock would be, with fewer CIDRs:
    /// `0.0.0.0/0 except 10.0.0.0/8,169.254.169.254/32`.
    static func rangeName(_ ranges: [IPRange]) -> String {
        let parts = IPFamily.allCases.compactMap { family -> String? in
            let union = IPRange.coalesced(ranges.filter { $0.family == family })
            guard !union.isEmpty else { return nil }
            let everything = IPRange.everything(family)
            let present = union.flatMap(\.cidrs).map(\.description)
            let missing = everything.subtracting(union).flatMap(\.cidrs).map(\.description)
            guard !missing.isEmpty, missing.count < present.count else { return present.joined(separator: ",") }
            return "\(everything.cidrs.map(\.description).joined()) except " + missing.joined(separator: ",")
        }
        return parts.joined(separator: " and ") + externalSuffix
    }

    /// `[External]`, taken from the endpoint text rather than written a second time.
    static let externalSuffix: String = {
        let text = Endpoint.external(IPRange.everything(.v4)).description
        return text.lastIndex(of: "[").map { String(text[$0...]) } ?? ""
    }()
}
