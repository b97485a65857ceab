/// The level at which endpoints are grouped for output.
public enum AggregationLevel: String, CaseIterable, Sendable {
    case pod, workload, namespace
}

/// One ordered pair of endpoints with something allowed between them.
public struct ConnectivityEdge: Hashable, Sendable {
    public var source: Endpoint
    public var destination: Endpoint
    public var connections: ConnectionSet

    public init(source: Endpoint, destination: Endpoint, connections: ConnectionSet) {
        self.source = source
        self.destination = destination
        self.connections = connections
    }
}

extension Reachability {
    /// Every external endpoint (sources and destinations).
    public var externalEndpoints: [Endpoint] { (externalSources + externalDestinations).map(Endpoint.external) }

    /// The endpoint a pod is shown as at an aggregation level.
    public func endpoint(ofPod index: Int, level: AggregationLevel) -> Endpoint {
        let pod = cluster.pods[index]
        switch level {
        case .pod: return .pod(namespace: pod.namespace, name: pod.name)
        case .workload: return .workload(pod.workload)
        case .namespace: return .namespace(pod.namespace)
        }
    }

    /// The group endpoints of a level (every pod's), without external ranges.
    public func groupEndpoints(level: AggregationLevel) -> Set<Endpoint> {
        Set(cluster.pods.indices.map { endpoint(ofPod: $0, level: level) })
    }

    /// Every ordered pair of nodes with a non-empty connection set, external ranges
    /// included (never range to range), sorted by source then destination as byte strings.
    /// A group's connections are the union over its pods' pairs (what some pod may send).
    /// Only pairs of distinct pods count: a pod to itself is never an edge, but at workload
    /// level two pods (replicas) of one workload make the edge `W => W`. Namespace level
    /// shows only traffic between namespaces.
    ///
    /// - Complexity: O(identities × destinations not denied + runs of the rows) to scan the
    ///   identity matrix, plus the size of the output; never pods².
    public func edges(level: AggregationLevel) -> [ConnectivityEdge] {
        let nodes = NodeIndex(self, level: level)
        let stride = nodes.names.count
        // Source identities are cut into ranges shared out between workers; each has its own
        // memo table, so partial results meet as connection sets. A range starts with one
        // lookup per ingress row (`IngressColumn`), so ranges are large: about eight per
        // worker, never under 512 identities.
        let cores = options.parallel ? Parallel.cores : 1
        let chunk = max(512, identities.count / (8 * cores) + 1)
        let chunks = (identities.count + chunk - 1) / chunk
        let workers = max(1, min(cores, identities.count / 256 + 1, chunks))
        let parts = Parallel.map(0..<workers) { w -> [Int: ConnectionSet] in
            var sweep = EdgeSweep(reach: self, nodes: nodes, stride: stride)
            for c in Swift.stride(from: w, to: chunks, by: workers) {
                var column = IngressColumn(rows: ingressRows, range: c * chunk..<min(identities.count, (c + 1) * chunk))
                while true {
                    sweep.add(source: column.column, ingress: column.cells)
                    if column.column + 1 == column.range.upperBound { break }
                    column.advance()
                }
            }
            return sweep.result()
        }
        var merged = parts[0]
        for part in parts.dropFirst() {
            merged.merge(part) { $0.union($1) }
        }
        return merged.keys.sorted().map { key in
            ConnectivityEdge(source: nodes.names[key / stride], destination: nodes.names[key % stride], connections: merged[key]!)
        }
    }
}

/// Scans the identity matrix for some source identities and accumulates node-level edges.
struct EdgeSweep {
    let reach: Reachability
    let nodes: NodeIndex
    let stride: Int
    private var pairs: PairEvaluator
    private var acc: [Int: UInt32] = [:]

    init(reach: Reachability, nodes: NodeIndex, stride: Int) {
        self.reach = reach
        self.nodes = nodes
        self.stride = stride
        pairs = PairEvaluator(reach)
    }

    private mutating func add(_ a: Int, _ b: Int, _ c: UInt32) {
        let key = a * stride + b
        acc[key] = pairs.union(acc[key] ?? ConnectionTable.none, c)
    }

    /// Adds the edges from source identity `s`, given every ingress row's cell at `s`.
    /// Runs of destinations the source may not send to are skipped whole.
    ///
    /// - Complexity: O(destinations the egress row does not deny + runs + external ranges)
    ///   plus the edges it adds.
    mutating func add(source s: Int, ingress cells: [UInt32]) {
        let pods = 0..<reach.identities.count
        let eRow = reach.egressRowOfIdentity[s]
        if eRow < 0 {
            add(source: s, to: pods, egress: ConnectionTable.all, ingress: cells)
        } else {
            reach.egressRows[Int(eRow)].forEachRun(in: pods) { range, e in
                if e != ConnectionTable.none { add(source: s, to: range, egress: e, ingress: cells) }
            }
        }
        let destinations = reach.destinationBase..<reach.destinationBase + nodes.destinationRanks.count
        if eRow < 0 {
            for rank in nodes.destinationRanks { for a in nodes.ofIdentity[s] { add(a, rank, ConnectionTable.all) } }
        } else {
            reach.egressRows[Int(eRow)].forEachRun(in: destinations) { range, c in
                guard c != ConnectionTable.none else { return }
                for x in range { for a in nodes.ofIdentity[s] { add(a, nodes.destinationRanks[x - destinations.lowerBound], c) } }
            }
        }
        let sources = reach.sourceBase..<reach.sourceBase + nodes.sourceRanks.count
        let iRow = reach.ingressRowOfIdentity[s]
        if iRow < 0 {
            for rank in nodes.sourceRanks { for b in nodes.ofIdentity[s] { add(rank, b, ConnectionTable.all) } }
        } else {
            reach.ingressRows[Int(iRow)].forEachRun(in: sources) { range, c in
                guard c != ConnectionTable.none else { return }
                for x in range { for b in nodes.ofIdentity[s] { add(nodes.sourceRanks[x - sources.lowerBound], b, c) } }
            }
        }
    }

    /// The edges from `s` to the destination identities in `range`, where `s`'s egress row holds `e`.
    private mutating func add(source s: Int, to range: Range<Int>, egress e: UInt32, ingress cells: [UInt32]) {
        for d in range {
            let iRow = reach.ingressRowOfIdentity[d]
            let i = iRow < 0 ? ConnectionTable.all : cells[Int(iRow)]
            if i == ConnectionTable.none { continue }
            let c = pairs.intersection(e, i)
            if c == ConnectionTable.none { continue }
            for a in nodes.ofIdentity[s] {
                for b in nodes.ofIdentity[d] where a != b || (s != d ? nodes.selfEdges : nodes.repeated[s].contains(a)) {
                    add(a, b, c)
                }
            }
        }
    }

    func result() -> [Int: ConnectionSet] { acc.mapValues { pairs.set($0) } }
}

/// Every node name of one aggregation level (groups, external sources, external
/// destinations) ranked in byte order, so that edges sort as integers.
struct NodeIndex {
    /// Endpoints by rank.
    var names: [Endpoint] = []
    /// Ranks of the group nodes each identity belongs to (a pod-level identity may stand
    /// for several pods; a workload may hold several identities).
    var ofIdentity: [[Int]]
    var sourceRanks: [Int] = []
    var destinationRanks: [Int] = []
    /// Per identity, the groups holding two or more of its pods: two distinct pods of one
    /// identity inside one group make a self edge `G => G`.
    var repeated: [Set<Int>]
    /// Whether two pods of different identities in one group make a self edge (workload
    /// level: yes, they are distinct pods; pod level cannot happen; namespace level: no).
    var selfEdges: Bool

    init(_ reach: Reachability, level: AggregationLevel) {
        var groupOfPod: [Endpoint] = []
        for i in reach.cluster.pods.indices { groupOfPod.append(reach.endpoint(ofPod: i, level: level)) }
        let sources = reach.externalSources.map(Endpoint.external)
        let destinations = reach.externalDestinations.map(Endpoint.external)
        let all = Set(groupOfPod).union(sources).union(destinations)
        names = Array(all).sortedByName()
        var rank: [Endpoint: Int] = [:]
        for (i, name) in names.enumerated() { rank[name] = i }
        var sets = [Set<Int>](repeating: [], count: reach.identities.count)
        repeated = sets
        for (i, g) in groupOfPod.enumerated() {
            let id = reach.identities.identityOfPod[i]
            if !sets[id].insert(rank[g]!).inserted { repeated[id].insert(rank[g]!) }
        }
        if level != .workload { repeated = repeated.map { _ in [] } }
        selfEdges = level == .workload
        ofIdentity = sets.map { $0.sorted() }
        sourceRanks = sources.map { rank[$0]! }
        destinationRanks = destinations.map { rank[$0]! }
    }
}

/// Evaluates identity pairs with a private, memoising copy of the connection table.
struct PairEvaluator {
    private var table: ConnectionTable

    init(_ reach: Reachability) { table = reach.table }

    mutating func intersection(_ a: UInt32, _ b: UInt32) -> UInt32 { table.intersection(a, b) }

    mutating func union(_ a: UInt32, _ b: UInt32) -> UInt32 { table.union(a, b) }

    func set(_ id: UInt32) -> ConnectionSet { table[id] }
}
