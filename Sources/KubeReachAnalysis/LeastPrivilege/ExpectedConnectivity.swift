import KubeReachCore

/// What a least-privilege plan should leave, worked out from the intents rather than by
/// evaluating the generated YAML: the yardstick `LeastPrivilegeCheck` holds the simulation to.
///
/// Per pod: a pod of a covered, isolatable workload sends only what the intents of the
/// workloads whose selector takes it allow (plus DNS), and admits likewise; every other
/// pod is unrestricted. `grouped` false takes each pod as its own workload only (the
/// intent exactly); true takes every selector that matches it (what labels can express).
struct ExpectedConnectivity {
    let plan: LeastPrivilegePlan
    let reach: Reachability
    let grouped: Bool

    /// The pods that are alike for the model (one class per workload, usually); workloads
    /// by their number.
    struct PodClass: Hashable {
        var workload: Int
        var isolated: Bool
        var dns: Bool
        var selectedBy: [Int]
    }

    /// The model at workload level, its edges between workloads in `Reachability.edges`'
    /// order (source, then destination, by name), so that a passing check compares two lists.
    ///
    /// - Complexity: O(classes² + intents), pairs keyed by workload number.
    func snapshot() -> ConnectivitySnapshot {
        let cluster = reach.cluster
        let numbers = WorkloadNumbering(cluster.pods.map(\.workload) + plan.selectors.selectedBy.joined())
        let (classes, podCount) = podClasses(numbers)
        let index = IntentIndex(plan.intents, numbers: numbers, holds: plan.holds)
        var pairs = [[Int: ConnectionSet]](repeating: [:], count: numbers.count)
        var external = [ExternalKey: ConnectionSet]()
        let sourceFamilies = Set(reach.externalSources.map(\.family)), destinationFamilies = Set(reach.externalDestinations.map(\.family))
        for (n, a) in classes.enumerated() {
            // Pairs of distinct pods: a workload to itself when two of its pods (replicas) may connect.
            for (m, b) in classes.enumerated() where n != m || podCount[n] > 1 {
                let allowed = a.isolated ? index.egress(a.selectedBy, b.selectedBy) : .all
                let e = a.isolated && b.dns ? allowed.union(DefaultDenyCheck.dnsPorts) : allowed
                if e.isEmpty { continue }
                let i = b.isolated ? index.ingress(a.selectedBy, b.selectedBy) : .all
                let c = e.isAll ? i : i.isAll ? e : e.intersection(i)
                if c.isEmpty { continue }
                pairs[a.workload][b.workload] = pairs[a.workload][b.workload].map { $0.union(c) } ?? c
            }
            let out = a.isolated ? index.toExternal(a.selectedBy) : destinationFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in out where !c.isEmpty {
                add(&external, ExternalKey(workload: a.workload, range: r, outbound: true), c)
            }
            let inbound = a.isolated ? index.fromExternal(a.selectedBy) : sourceFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in inbound where !c.isEmpty {
                add(&external, ExternalKey(workload: a.workload, range: r, outbound: false), c)
            }
        }
        var list: [ConnectivityEdge] = []
        for (s, row) in pairs.enumerated() {
            let source = Endpoint.workload(numbers.refs[s])
            for (d, c) in row.sorted(by: { $0.key < $1.key }) {
                list.append(ConnectivityEdge(source: source, destination: .workload(numbers.refs[d]), connections: c))
            }
        }
        for (k, c) in external {
            let w = Endpoint.workload(numbers.refs[k.workload]), x = Endpoint.external(k.range)
            list.append(ConnectivityEdge(source: k.outbound ? w : x, destination: k.outbound ? x : w, connections: c))
        }
        return ConnectivitySnapshot(nodes: Set(cluster.pods.map { .workload($0.workload) }), edges: list)
    }

    /// The classes of the simulated pods, and how many pods each holds.
    private func podClasses(_ numbers: WorkloadNumbering) -> ([PodClass], [Int]) {
        let cluster = reach.cluster
        let dns = plan.base.options.allowDNS ? Set(plan.base.dnsPods(in: cluster)) : []
        let covered = Set(plan.covered)
        var podsOfClass: [PodClass: Int] = [:]
        for (i, pod) in cluster.pods.enumerated() {
            let bypass = pod.hostNetwork && reach.options.hostNetwork == .bypass
            let own = numbers.number(pod.workload)!
            let by = grouped ? plan.selectors.selectedBy[i].map { numbers.number($0)! } : [own]
            let c = PodClass(workload: own, isolated: covered.contains(pod.namespace) && !bypass, dns: dns.contains(i), selectedBy: by)
            podsOfClass[c, default: 0] += 1
        }
        return (Array(podsOfClass.keys), Array(podsOfClass.values))
    }

    private func add(_ external: inout [ExternalKey: ConnectionSet], _ k: ExternalKey, _ c: ConnectionSet) {
        external[k] = external[k].map { $0.union(c) } ?? c
    }

    private struct ExternalKey: Hashable {
        var workload: Int
        var range: IPRange
        var outbound: Bool
    }
}

/// The intents of a plan indexed by holder number, for the model.
struct IntentIndex {
    private var pairs: [[Int: ConnectionSet]]
    private var outbound: [[(IPRange, ConnectionSet)]]
    private var inbound: [[(IPRange, ConnectionSet)]]
    private let holds: [Bool]

    init(_ intents: [Intent], numbers: WorkloadNumbering, holds: (WorkloadRef) -> Bool) {
        pairs = Array(repeating: [:], count: numbers.count)
        outbound = Array(repeating: [], count: numbers.count)
        inbound = outbound
        self.holds = numbers.refs.map(holds)
        // Intents come sorted by source: its number is looked up once per run.
        var last: (WorkloadRef, Int?)?, lastDestination = -1
        func number(_ w: WorkloadRef) -> Int? {
            if let (ref, n) = last, ref == w { return n }
            let n = numbers.number(w)
            last = (w, n)
            return n
        }
        for i in intents {
            switch (i.source, i.destination) {
            case (.workload(let s), .workload(let d)):
                // Destinations come in name order: tried as the one after the last first.
                if let s = number(s), let d = numbers.number(d, after: lastDestination) {
                    pairs[s][d] = i.connections
                    lastDestination = d
                }
            case (.workload(let s), .external(let r)): if let s = number(s) { outbound[s].append((r, i.connections)) }
            case (.external(let r), .workload(let d)): if let d = numbers.number(d) { inbound[d].append((r, i.connections)) }
            case (.external, .external): break
            }
        }
    }

    /// What the egress policies of the holders among `from` allow towards pods taken by `to`.
    func egress(_ from: [Int], _ to: [Int]) -> ConnectionSet {
        if from.count == 1 && to.count == 1 { return holds[from[0]] ? pairs[from[0]][to[0]] ?? .none : .none }
        return from.filter { holds[$0] }.reduce(.none) { acc, x in to.reduce(acc) { $0.union(pairs[x][$1] ?? .none) } }
    }

    /// What the ingress policies of the holders among `to` admit from pods taken by `from`.
    func ingress(_ from: [Int], _ to: [Int]) -> ConnectionSet {
        if from.count == 1 && to.count == 1 { return holds[to[0]] ? pairs[from[0]][to[0]] ?? .none : .none }
        return to.filter { holds[$0] }.reduce(.none) { acc, y in from.reduce(acc) { $0.union(pairs[$1][y] ?? .none) } }
    }

    func toExternal(_ from: [Int]) -> [(IPRange, ConnectionSet)] { from.filter { holds[$0] }.flatMap { outbound[$0] } }

    func fromExternal(_ to: [Int]) -> [(IPRange, ConnectionSet)] { to.filter { holds[$0] }.flatMap { inbound[$0] } }
}
