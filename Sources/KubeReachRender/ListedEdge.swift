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

/// One printed line of a connectivity list: one list edge, or (merged) several whose
/// external end is named by the union of their ranges. Names are made when asked for, so
/// that a list of millions of lines holds no extra strings.
public struct ListedEdge: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case edge(ConnectivityEdge)
        /// `inbound`: the ranges are the source.
        case merged(name: String, inbound: Bool, members: [ConnectivityEdge])
    }

    private var storage: Storage

    public init(_ e: ConnectivityEdge) { storage = .edge(e) }

    private init(name: String, inbound: Bool, members: [ConnectivityEdge]) {
        storage = .merged(name: name, inbound: inbound, members: members)
    }

    /// One edge, or (merged) one per external range, in list order.
    public var members: [ConnectivityEdge] {
        switch storage {
        case .edge(let e): [e]
        case .merged(_, _, let members): members
        }
    }

    private var first: ConnectivityEdge {
        switch storage {
        case .edge(let e): e
        case .merged(_, _, let members): members[0]
        }
    }

    public var source: String {
        if case .merged(let name, true, _) = storage { return name }
        return first.source.description
    }

    public var destination: String {
        if case .merged(let name, false, _) = storage { return name }
        return first.destination.description
    }

    public var connections: ConnectionSet { first.connections }
    public var sourceIsExternal: Bool { first.source.isExternal }
    public var destinationIsExternal: Bool { first.destination.isExternal }

    /// The lines of `edges` in `mode`, sorted by source then destination as byte strings.
    public static func lines(_ edges: [ConnectivityEdge], _ mode: ExternalsMode) -> [ListedEdge] {
        mode == .split ? edges.map(ListedEdge.init) : merged(edges)
    }

    /// Lines between an external range and a workload (or pod, or namespace) that allow the
    /// same connections become one, named by the union of their ranges. Lines between two
    /// cluster endpoints stay as they are.
    ///
    /// - Precondition: `edges` sorted by source then destination as byte strings (as the
    ///   engine lists them).
    /// - Complexity: O(lines + merged lines × log merged lines).
    static func merged(_ edges: [ConnectivityEdge]) -> [ListedEdge] {
        struct Key: Hashable {
            var inside: Endpoint
            var inbound: Bool
            var connections: ConnectionSet
        }
        var groups: [Key: [ConnectivityEdge]] = [:]
        var order: [Key] = []
        for e in edges where e.source.isExternal != e.destination.isExternal {
            let inbound = e.source.isExternal
            let key = Key(inside: inbound ? e.destination : e.source, inbound: inbound, connections: e.connections)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(e)
        }
        let joined = order.compactMap { key -> (line: ListedEdge, order: (String, String))? in
            guard let members = groups[key] else { return nil }
            let name = rangeName(members.compactMap { (key.inbound ? $0.source : $0.destination).externalRange })
            let line = ListedEdge(name: name, inbound: key.inbound, members: members)
            return (line, (line.source, line.destination))
        }.sorted { precedes($0.order, $1.order) }
        // The other lines are sorted already: one merge pass builds the only copy, and a
        // line's names are made only while merged lines remain to be placed.
        var out: [ListedEdge] = []
        out.reserveCapacity(edges.count - groups.values.reduce(0) { $0 + $1.count } + joined.count)
        var j = 0
        for e in edges where e.source.isExternal == e.destination.isExternal {
            if j < joined.count {
                let names = (e.source.description, e.destination.description)
                while j < joined.count && precedes(joined[j].order, names) {
                    out.append(joined[j].line)
                    j += 1
                }
            }
            out.append(ListedEdge(e))
        }
        for rest in joined[j...] { out.append(rest.line) }
        return out
    }

    private static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        a.0 != b.0 ? a.0.utf8Precedes(b.0) : a.1.utf8Precedes(b.1)
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
