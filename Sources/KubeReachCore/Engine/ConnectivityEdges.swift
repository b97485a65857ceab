/// The level at which endpoints are grouped for output.
public enum AggregationLevel: String, CaseIterable, Sendable {
    case pod, workload, namespace
}

/// One ordered pair of named endpoints with something allowed between them.
public struct ConnectivityEdge: Hashable, Sendable {
    public var source: String
    public var destination: String
    public var connections: ConnectionSet

    public init(source: String, destination: String, connections: ConnectionSet) {
        self.source = source
        self.destination = destination
        self.connections = connections
    }
}

extension IPRange {
    /// `10.0.0.0-10.255.255.255[External]`
    public var externalName: String { "\(description)[External]" }
}

extension Reachability {
    /// The name of a pod at an aggregation level.
    public func nodeName(ofPod index: Int, level: AggregationLevel) -> String {
        let pod = cluster.pods[index]
        switch level {
        case .pod: return pod.qualifiedName
        case .workload: return pod.workload.description
        case .namespace: return pod.namespace
        }
    }

    /// Every ordered pair of distinct nodes with a non-empty connection set, external ranges
    /// included (never range to range), sorted by source then destination as byte strings.
    /// A group's connections are the union over its pods' pairs (what some pod may send).
    public func edges(level: AggregationLevel) -> [ConnectivityEdge] {
        var groups: [String: Set<Int>] = [:]  // node -> identities
        for i in cluster.pods.indices {
            let name = nodeName(ofPod: i, level: level)
            groups[name, default: []].insert(identities.identityOfPod[i])
        }
        let names = groups.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let ids = names.map { groups[$0]!.sorted() }
        var pairs = PairEvaluator(self)
        var out: [ConnectivityEdge] = []
        for (a, src) in names.enumerated() {
            for (b, dst) in names.enumerated() where a != b {
                var conn = ConnectionTable.none
                for s in ids[a] { for d in ids[b] { conn = pairs.union(conn, pairs.between(s, d)) } }
                if conn != ConnectionTable.none {
                    out.append(ConnectivityEdge(source: src, destination: dst, connections: pairs.set(conn)))
                }
            }
            for (x, range) in externalSources.enumerated() {
                var conn = ConnectionTable.none
                for d in ids[a] { conn = pairs.union(conn, ingressID(to: d, column: sourceBase + x)) }
                if conn != ConnectionTable.none {
                    out.append(ConnectivityEdge(source: range.externalName, destination: src, connections: pairs.set(conn)))
                }
            }
            for (x, range) in externalDestinations.enumerated() {
                var conn = ConnectionTable.none
                for s in ids[a] { conn = pairs.union(conn, egressID(from: s, column: destinationBase + x)) }
                if conn != ConnectionTable.none {
                    out.append(ConnectivityEdge(source: src, destination: range.externalName, connections: pairs.set(conn)))
                }
            }
        }
        out.sort {
            $0.source == $1.source
                ? $0.destination.utf8.lexicographicallyPrecedes($1.destination.utf8)
                : $0.source.utf8.lexicographicallyPrecedes($1.source.utf8)
        }
        return out
    }
}

/// Evaluates identity pairs with a private, memoising copy of the connection table.
struct PairEvaluator {
    private let reach: Reachability
    private var table: ConnectionTable

    init(_ reach: Reachability) {
        self.reach = reach
        table = reach.table
    }

    mutating func between(_ s: Int, _ d: Int) -> UInt32 {
        table.intersection(reach.egressID(from: s, column: d), reach.ingressID(to: d, column: s))
    }

    mutating func union(_ a: UInt32, _ b: UInt32) -> UInt32 { table.union(a, b) }

    func set(_ id: UInt32) -> ConnectionSet { table[id] }
}
