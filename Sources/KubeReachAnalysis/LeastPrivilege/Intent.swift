import KubeReachCore

/// One end of an intended connection: a workload of the input, or an external address range.
public enum IntentEndpoint: Hashable, Sendable, Comparable, CustomStringConvertible {
    case workload(WorkloadRef)
    case external(IPRange)

    public var workload: WorkloadRef? {
        if case .workload(let w) = self { return w }
        return nil
    }

    var range: IPRange? {
        if case .external(let r) = self { return r }
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
        let keys = out.map { (EndpointOrder($0.source), EndpointOrder($0.destination)) }
        return out.indices.sorted { a, b in
            let (s0, d0) = keys[a], (s1, d1) = keys[b]
            return EndpointOrder.precedes(s0, s1) || (!EndpointOrder.precedes(s1, s0) && EndpointOrder.precedes(d0, d1))
        }.map { out[$0] }
    }

    private struct Pair: Hashable {
        var source: IntentEndpoint
        var destination: IntentEndpoint
    }
}

/// `IntentEndpoint`'s order with each workload's name made once: `WorkloadRef`'s `<` builds
/// both names on every comparison, which made sorting a large plan's entries dominate it.
struct EndpointOrder {
    let endpoint: IntentEndpoint
    let name: String

    init(_ e: IntentEndpoint) {
        endpoint = e
        name = e.workload?.description ?? ""
    }

    static func precedes(_ a: Self, _ b: Self) -> Bool {
        switch (a.endpoint, b.endpoint) {
        case (.workload, .workload): a.name.utf8Precedes(b.name)
        case (.external(let x), .external(let y)): x < y
        case (.workload, .external): true
        case (.external, .workload): false
        }
    }
}
