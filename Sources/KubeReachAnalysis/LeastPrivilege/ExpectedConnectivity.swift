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

    /// The pods that are alike for the model (one class per workload, usually).
    struct PodClass: Hashable {
        var workload: WorkloadRef
        var isolated: Bool
        var dns: Bool
        var selectedBy: [WorkloadRef]
    }

    func snapshot() -> ConnectivitySnapshot {
        let cluster = reach.cluster
        let dns = plan.base.options.allowDNS ? Set(plan.base.dnsPods(in: cluster)) : []
        let covered = Set(plan.covered)
        var podsOfClass: [PodClass: Int] = [:]
        for (i, pod) in cluster.pods.enumerated() {
            let bypass = pod.hostNetwork && reach.options.hostNetwork == .bypass
            let by = grouped ? plan.selectors.selectedBy[i] : [pod.workload]
            podsOfClass[
                PodClass(
                    workload: pod.workload, isolated: covered.contains(pod.namespace) && !bypass, dns: dns.contains(i), selectedBy: by),
                default: 0] += 1
        }
        let classes = Set(podsOfClass.keys)
        let index = IntentIndex(plan.intents, holds: plan.holds)
        var edges: [Endpoint: [Endpoint: ConnectionSet]] = [:]
        func add(_ s: Endpoint, _ d: Endpoint, _ c: ConnectionSet) {
            if !c.isEmpty { edges[s, default: [:]][d] = (edges[s]?[d] ?? .none).union(c) }
        }
        let sourceFamilies = Set(reach.externalSources.map(\.family)), destinationFamilies = Set(reach.externalDestinations.map(\.family))
        for a in classes {
            // Pairs of distinct pods: a workload to itself when two of its pods (replicas) may connect.
            for b in classes where a.workload != b.workload || a != b || podsOfClass[a, default: 0] > 1 {
                let e = a.isolated ? index.egress(a.selectedBy, b.selectedBy).union(b.dns ? DefaultDenyCheck.dnsPorts : .none) : .all
                if e.isEmpty { continue }
                let i = b.isolated ? index.ingress(a.selectedBy, b.selectedBy) : .all
                add(.workload(a.workload), .workload(b.workload), e.intersection(i))
            }
            let out = a.isolated ? index.toExternal(a.selectedBy) : destinationFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in out {
                add(.workload(a.workload), .external(r), c)
            }
            let inbound = a.isolated ? index.fromExternal(a.selectedBy) : sourceFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in inbound {
                add(.external(r), .workload(a.workload), c)
            }
        }
        let list = edges.flatMap { s, ds in ds.map { ConnectivityEdge(source: s, destination: $0.key, connections: $0.value) } }
        return ConnectivitySnapshot(nodes: Set(cluster.pods.map { .workload($0.workload) }), edges: list)
    }
}

/// The intents of a plan indexed by holder, for the model.
struct IntentIndex {
    var pairs: [WorkloadRef: [WorkloadRef: ConnectionSet]] = [:]
    var outbound: [WorkloadRef: [(IPRange, ConnectionSet)]] = [:]
    var inbound: [WorkloadRef: [(IPRange, ConnectionSet)]] = [:]
    let holds: (WorkloadRef) -> Bool

    init(_ intents: [Intent], holds: @escaping (WorkloadRef) -> Bool) {
        self.holds = holds
        for i in intents {
            switch (i.source, i.destination) {
            case (.workload(let s), .workload(let d)): pairs[s, default: [:]][d] = i.connections
            case (.workload(let s), .external(let r)): outbound[s, default: []].append((r, i.connections))
            case (.external(let r), .workload(let d)): inbound[d, default: []].append((r, i.connections))
            case (.external, .external): break
            }
        }
    }

    /// What the egress policies of the holders among `from` allow towards pods taken by `to`.
    func egress(_ from: [WorkloadRef], _ to: [WorkloadRef]) -> ConnectionSet {
        from.filter(holds).reduce(.none) { acc, x in to.reduce(acc) { $0.union(pairs[x]?[$1] ?? .none) } }
    }

    /// What the ingress policies of the holders among `to` admit from pods taken by `from`.
    func ingress(_ from: [WorkloadRef], _ to: [WorkloadRef]) -> ConnectionSet {
        to.filter(holds).reduce(.none) { acc, y in from.reduce(acc) { $0.union(pairs[$1]?[y] ?? .none) } }
    }

    func toExternal(_ from: [WorkloadRef]) -> [(IPRange, ConnectionSet)] { from.filter(holds).flatMap { outbound[$0] ?? [] } }

    func fromExternal(_ to: [WorkloadRef]) -> [(IPRange, ConnectionSet)] { to.filter(holds).flatMap { inbound[$0] ?? [] } }
}
