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
    public static func merged(_ intents: [Intent]) -> [Intent] {
        var byPair: [[IntentEndpoint]: Intent] = [:]
        for i in intents {
            let key = [i.source, i.destination]
            guard var m = byPair[key] else {
                byPair[key] = i
                continue
            }
            m.connections = m.connections.union(i.connections)
            for o in i.origins where !m.origins.contains(o) { m.origins.append(o) }
            byPair[key] = m
        }
        return byPair.values.sorted { ($0.source, $0.destination) < ($1.source, $1.destination) }
    }
}
