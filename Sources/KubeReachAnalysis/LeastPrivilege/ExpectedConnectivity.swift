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
        var list: [ConnectivityEdge] = []
        let external = walk { source, row in
            let s = Endpoint.workload(source)
            for (d, c) in row { list.append(ConnectivityEdge(source: s, destination: .workload(d), connections: c)) }
            return true
        }
        return ConnectivitySnapshot(nodes: nodes, edges: list + (external ?? []))
    }

    /// Whether the simulation (`actual`, read one source workload at a time) allows exactly
    /// what the model does, `podIPs` taken out of both sides' ranges: what
    /// `snapshot().allowsTheSame(as:)` answers against the simulation listed at workload level,
    /// with each source's row of the model compared with that source's row of the simulation
    /// as both are made, neither listed whole. `false` may also mean "not shown equal here"
    /// (as `allowsTheSame`): the caller then makes the diff.
    func allowsTheSame(as actual: inout WorkloadRows, removing podIPs: [IPAddress]) -> Bool {
        var theirs: [ConnectivityEdge] = [], rows = 0
        let mine = walk { source, row in
            let listed = actual.edges(of: source, .egress)
            guard listed.count == row.count else { return false }
            for (x, y) in zip(listed, row) where x.peer != y.0 || x.connections != y.1 { return false }
            theirs += actual.externalEdges(of: source)
            rows += 1
            return true
        }
        // Every simulated workload has pods, so a row of the model: none is left unread.
        guard let mine, rows == actual.workloads.count else { return false }
        let a = ConnectivitySnapshot(nodes: nodes, edges: mine).removingAddresses(podIPs)
        let b = ConnectivitySnapshot(nodes: nodes, edges: theirs).removingAddresses(podIPs)
        guard let x = ExternalCover(a.edges), let y = ExternalCover(b.edges) else { return false }
        return x == y
    }

    /// The model's group nodes: every simulated pod's workload.
    private var nodes: Set<Endpoint> { Set(reach.cluster.pods.map { .workload($0.workload) }) }

    /// Works the model out one source workload at a time, in name order: `row` gets each
    /// source's destinations by name with their connections, and may stop the walk (false).
    /// Returns the external edges, or nil when stopped.
    ///
    /// - Complexity: O(classes² + intents); one row of pairs held at a time.
    private func walk(_ row: (WorkloadRef, [(WorkloadRef, ConnectionSet)]) -> Bool) -> [ConnectivityEdge]? {
        let numbers = WorkloadNumbering(reach.cluster.pods.map(\.workload) + plan.selectors.selectedBy.joined())
        let (classes, podCount) = podClasses(numbers)
        let index = IntentIndex(plan.intents, numbers: numbers, holds: plan.holds)
        var external = [ExternalKey: ConnectionSet]()
        let sourceFamilies = Set(reach.externalSources.map(\.family)), destinationFamilies = Set(reach.externalDestinations.map(\.family))
        // Classes of one source workload together, workloads in name (number) order.
        let order = classes.indices.sorted { classes[$0].workload < classes[$1].workload }
        var acc = [ConnectionSet?](repeating: nil, count: numbers.count), start = 0
        while start < order.count {
            let source = classes[order[start]].workload
            var end = start
            while end < order.count && classes[order[end]].workload == source { end += 1 }
            for n in order[start..<end] {
                let a = classes[n]
                let rows = a.selectedBy.map { index.row($0) }
                // Pairs of distinct pods: a workload to itself when two of its pods (replicas) may connect.
                for (m, b) in classes.enumerated() where n != m || podCount[n] > 1 {
                    let allowed = a.isolated ? index.egress(a.selectedBy, b.selectedBy, rows) : .all
                    let e = a.isolated && b.dns ? allowed.union(DefaultDenyCheck.dnsPorts) : allowed
                    if e.isEmpty { continue }
                    let i = b.isolated ? index.ingress(a.selectedBy, b.selectedBy, rows) : .all
                    let c = e.isAll ? i : i.isAll ? e : e.intersection(i)
                    if c.isEmpty { continue }
                    acc[b.workload] = acc[b.workload].map { $0.union(c) } ?? c
                }
                let out =
                    a.isolated ? index.toExternal(a.selectedBy) : destinationFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
                for (r, c) in out where !c.isEmpty {
                    add(&external, ExternalKey(workload: a.workload, range: r, outbound: true), c)
                }
                let inbound =
                    a.isolated ? index.fromExternal(a.selectedBy) : sourceFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
                for (r, c) in inbound where !c.isEmpty {
                    add(&external, ExternalKey(workload: a.workload, range: r, outbound: false), c)
                }
            }
            var list: [(WorkloadRef, ConnectionSet)] = []
            for d in acc.indices { if let c = acc[d] { list.append((numbers.refs[d], c)) } }
            acc = [ConnectionSet?](repeating: nil, count: numbers.count)
            guard row(numbers.refs[source], list) else { return nil }
            start = end
        }
        return external.map { k, c in
            let w = Endpoint.workload(numbers.refs[k.workload]), x = Endpoint.external(k.range)
            return ConnectivityEdge(source: k.outbound ? w : x, destination: k.outbound ? x : w, connections: c)
        }
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

/// The intents of a plan indexed by holder number, for the model: each source's pairs are
/// one run of the intents (they come sorted by source), read into a row when the model
/// reaches that source, so no table of every pair is held.
struct IntentIndex {
    private let intents: [Intent]
    /// Per source number, its pairs' intents (indices) and their destinations' numbers.
    private var pairs: [[(destination: Int32, intent: Int32)]]
    private var outbound: [[(IPRange, ConnectionSet)]]
    private var inbound: [[(IPRange, ConnectionSet)]]
    private let holds: [Bool]

    init(_ intents: [Intent], numbers: WorkloadNumbering, holds: (WorkloadRef) -> Bool) {
        self.intents = intents
        pairs = Array(repeating: [], count: numbers.count)
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
        for (k, i) in intents.enumerated() {
            switch (i.source, i.destination) {
            case (.workload(let s), .workload(let d)):
                // Destinations come in name order: tried as the one after the last first.
                if let s = number(s), let d = numbers.number(d, after: lastDestination) {
                    pairs[s].append((Int32(d), Int32(k)))
                    lastDestination = d
                }
            case (.workload(let s), .external(let r)): if let s = number(s) { outbound[s].append((r, i.connections)) }
            case (.external(let r), .workload(let d)): if let d = numbers.number(d) { inbound[d].append((r, i.connections)) }
            case (.external, .external): break
            }
        }
    }

    /// The pairs of source `x` as a row by destination number: the intent's index, or -1.
    /// (A later intent for one pair replaces an earlier one, as the table it replaces did.)
    func row(_ x: Int) -> [Int32] {
        var row = [Int32](repeating: -1, count: pairs.count)
        for (d, k) in pairs[x] { row[Int(d)] = k }
        return row
    }

    private func connections(_ k: Int32) -> ConnectionSet { k < 0 ? .none : intents[Int(k)].connections }

    /// What the egress policies of the holders among `from` allow towards pods taken by `to`
    /// (`rows`: the rows of `from`, in its order).
    func egress(_ from: [Int], _ to: [Int], _ rows: [[Int32]]) -> ConnectionSet {
        if from.count == 1 && to.count == 1 { return holds[from[0]] ? connections(rows[0][to[0]]) : .none }
        return from.indices.filter { holds[from[$0]] }.reduce(.none) { acc, x in to.reduce(acc) { $0.union(connections(rows[x][$1])) } }
    }

    /// What the ingress policies of the holders among `to` admit from pods taken by `from`
    /// (`rows`: the rows of `from`, in its order).
    func ingress(_ from: [Int], _ to: [Int], _ rows: [[Int32]]) -> ConnectionSet {
        if from.count == 1 && to.count == 1 { return holds[to[0]] ? connections(rows[0][to[0]]) : .none }
        return to.filter { holds[$0] }.reduce(.none) { acc, y in from.indices.reduce(acc) { $0.union(connections(rows[$1][y])) } }
    }

    func toExternal(_ from: [Int]) -> [(IPRange, ConnectionSet)] { from.filter { holds[$0] }.flatMap { outbound[$0] } }

    func fromExternal(_ to: [Int]) -> [(IPRange, ConnectionSet)] { to.filter { holds[$0] }.flatMap { inbound[$0] } }
}
