import KubeReachCore

/// One end of an intended connection: a workload of the input, or an external address range.
public enum IntentEndpoint: Hashable, Sendable, Comparable, CustomStringConvertible {
    case workload(WorkloadRef)
    case external(IPRange)

    public var workload: WorkloadRef? {
        if case .workload(let w) = self { return w }
        return nil
    }

    /// Workloads before ranges, each in their own order.
    public static func < (l: Self, r: Self) -> Bool {
        switch (l, r) {
        case (.workload(let a), .workload(let b)): a < b
        case (.external(let a), .external(let b)): a < b
        case (.workload, .external): true
        case (.external, .workload): false
        }
    }

    /// `ns/name[Kind]`, or the range as a CIDR when it is one (`10.0.0.0/8`), else `a-b`.
    public var description: String {
        switch self {
        case .workload(let w): w.description
        case .external(let r): r.cidrs.count == 1 ? r.cidrs[0].description : r.description
        }
    }
}

/// A workload-level connection that should be allowed, and where it was asked for
/// (`intents.yaml:3`, `flows.csv:12`, `current policies`), so each generated rule can say
/// which intents it serves.
public struct Intent: Hashable, Sendable {
    public var source: IntentEndpoint
    public var destination: IntentEndpoint
    public var connections: ConnectionSet
    public var origins: [String]

    public init(source: IntentEndpoint, destination: IntentEndpoint, connections: ConnectionSet, origins: [String] = []) {
        self.source = source
        self.destination = destination
        self.connections = connections
        self.origins = origins
    }

    /// One intent per ordered pair: connections united, origins kept in first-seen order.
    /// Sorted by source, then destination.
    /// - Complexity: O(intents + origins) expected, plus the sort of the pairs; each pair's
    ///   origins are deduplicated through a set, not a scan of the list kept so far.
    public static func merged(_ intents: [Intent]) -> [Intent] {
        var slot: [Pair: Int] = [:]
        var out: [Intent] = [], seen: [Set<String>] = []
        for i in intents {
            guard let at = slot[Pair(source: i.source, destination: i.destination)] else {
                slot[Pair(source: i.source, destination: i.destination)] = out.count
                var first = i
                first.origins = []
                seen.append([])
                for o in i.origins where seen[out.count].insert(o).inserted { first.origins.append(o) }
                out.append(first)
                continue
            }
            out[at].connections = out[at].connections.union(i.connections)
            for o in i.origins where seen[at].insert(o).inserted { out[at].origins.append(o) }
        }
        return out.sorted { ($0.source, $0.destination) < ($1.source, $1.destination) }
    }

    private struct Pair: Hashable {
        var source: IntentEndpoint
        var destination: IntentEndpoint
    }
}
