import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import Testing

@testable import KubeReachAnalysis

/// `--keep-current`'s faster parts against what they replaced, on seeded real-shaped and
/// random clusters of several sizes: the expected model keyed by workload number against
/// the one keyed by `WorkloadRef` (kept below as the reference), the side-by-side
/// comparisons (`allowsTheSame`, and the check's and rollout's row-by-row reading of the
/// simulation) against the pair-by-pair `ConnectivityDiff`, and the halves read per holder
/// (`WorkloadRows`) against the simulation of each half listed whole.
@Suite struct KeepCurrentOldNewTests {
    static func load(_ text: String) throws -> Cluster {
        try ManifestLoader.load([ManifestSource(name: "input.yaml", bytes: Array(text.utf8))]).cluster
    }

    /// Real-shaped clusters of 20 to 80 workloads, and random ones (their selectors often
    /// take other workloads' pods: the grouped and exact models differ).
    static let clusters: [(label: String, text: @Sendable () -> String)] =
        [20, 40, 60, 80].map { w in ("real-shaped \(w)", { RealShapedCluster(workloads: w, seed: UInt64(w)).manifests() }) }
        + (1...4).map { s in
            ("random seed \(s)", { SyntheticCluster(size: .init(pods: 60, namespaces: 5, policies: 20), seed: UInt64(s)).manifests() })
        }

    /// For the halves: also a cluster with Calico policies, whose halves are simulated apart
    /// (Calico's rows hold both directions) and read from those rows the same way.
    static let halvesClusters: [(label: String, text: @Sendable () -> String)] =
        clusters + [
            (
                "random seed 5 with Calico",
                { @Sendable in
                    SyntheticCluster(size: .init(pods: 60, namespaces: 5, policies: 20), seed: 5).manifests()
                        + SyntheticCalico(policies: 15, tiers: 2, namespaces: 5).manifests()
                }
            )
        ]

    static func plan(_ cluster: Cluster) -> LeastPrivilegePlan {
        let reach = Reachability(cluster: cluster)
        return LeastPrivilegePlan(
            cluster: cluster, intents: CurrentIntents.intents(reach), options: DefaultDenyOptions(), evaluation: EvaluationOptions(),
            current: CurrentIntents.rows(reach))
    }

    /// The cluster's label, its `--keep-current` plan, and the plan's policies simulated alone.
    static func checked(_ index: Int) throws -> (String, LeastPrivilegePlan, Reachability) {
        let (label, text) = clusters[index]
        let cluster = try load(text())
        let plan = plan(cluster)
        return (label, plan, Reachability(cluster: plan.alone(on: cluster), options: plan.evaluation))
    }

    static func named(_ edges: [ConnectivityEdge]) -> [ConnectivityEdge] {
        edges.filter { !$0.source.isExternal && !$0.destination.isExternal }
    }

    @Test(arguments: clusters.indices)
    func expectedModelMatchesTheReference(index: Int) throws {
        let (label, plan, reach) = try Self.checked(index)
        for grouped in [true, false] {
            let new = ExpectedConnectivity(plan: plan, reach: reach, grouped: grouped).snapshot()
            let old = ReferenceExpectedConnectivity(plan: plan, reach: reach, grouped: grouped).snapshot()
            #expect(ConnectivityDiff(old: old, new: new).isEmpty, "\(label), grouped \(grouped)")
            #expect(new.nodes == old.nodes, "\(label)")
            // Between workloads, in Reachability's order: what lets a passing check walk two lists.
            let sorted = Self.named(old.edges).sorted { ($0.source, $0.destination) < ($1.source, $1.destination) }
            #expect(Self.named(new.edges) == sorted, "\(label), grouped \(grouped)")
        }
    }

    /// The current intents put in order without `Intent.merged`, and the halves read per
    /// holder from the one simulation with a direction opened (`WorkloadRows`), against the
    /// merge and the simulations of each half they replaced.
    @Test(arguments: halvesClusters.indices)
    func currentIntentsAndHalvesMatchTheReference(index: Int) throws {
        let (label, text) = Self.halvesClusters[index]
        let cluster = try Self.load(text())
        #expect(label.hasSuffix("Calico") == !cluster.calico.policies.isEmpty, "\(label)")
        let reach = Reachability(cluster: cluster)
        let intents = CurrentIntents.intents(reach)
        #expect(intents == Intent.merged(intents.reversed()), "\(label)")
        #expect(intents.contains { $0.source.workload == nil } && intents.contains { $0.destination.workload == nil }, "\(label)")
        let rows = CurrentIntents.rows(reach)
        let workloads = Set(cluster.pods.map(\.workload)).sorted()
        for d in [PolicyDirection.ingress, .egress] {
            let simulated = Reachability(cluster: CurrentIntents.half(cluster, d)).edges(level: .workload)
            // Between workloads (the only edges a plan reads): the ranges are cut apart in the two.
            let pairs = Self.named(simulated)
            #expect(!pairs.isEmpty, "\(label), \(d)")
            // Each holder's edges read from the rows, in the list's order, and nothing else.
            var half = try #require(d == .ingress ? rows.ingress : rows.egress)
            var read = 0
            for w in workloads {
                let listed = pairs.filter { (d == .ingress ? $0.destination : $0.source) == .workload(w) }
                let fromRows = half.edges(of: w, d).map { peer, c in
                    ConnectivityEdge(
                        source: d == .ingress ? .workload(peer) : .workload(w), destination: d == .ingress ? .workload(w) : .workload(peer),
                        connections: c)
                }
                #expect(fromRows == listed, "\(label), \(d), \(w)")
                read += fromRows.count
            }
            #expect(read == pairs.count, "\(label), \(d)")
        }
    }

    /// The check's and the rollout's comparisons that read the simulation one source row at
    /// a time (`WorkloadRows`) against the diffs of the lists they replace: with the plan's
    /// policies as made, and with one allow policy left out at a time (the check then sees
    /// less than the model, and the rollout may take something away).
    @Test(arguments: clusters.indices)
    func rowByRowAgreesWithTheDiff(index: Int) throws {
        let (label, text) = Self.clusters[index]
        let cluster = try Self.load(text())
        let plan = Self.plan(cluster)
        let model = ExpectedConnectivity(
            plan: plan, reach: Reachability(cluster: plan.alone(on: cluster), options: plan.evaluation), grouped: true)
        let expected = model.snapshot()
        let today = ConnectivitySnapshot(Reachability(cluster: cluster), level: .workload)
        let policies = plan.policies.map(\.policy)
        let allow = policies.indices.filter { policies[$0].name.hasPrefix("allow-") }
        var variants = [("as made", policies)]
        for k in [allow.first, allow.last, allow.dropFirst(allow.count / 2).first].compactMap({ $0 }) {
            var fewer = policies
            fewer.remove(at: k)
            variants.append(("without \(policies[k].qualifiedName)", fewer))
        }
        func loses(_ d: ConnectivityDiff) -> Bool { !d.removed.isEmpty || d.changed.contains { !$0.narrowed.isEmpty } }
        var differing = 0
        for (what, set) in variants {
            let alone = Reachability(cluster: cluster.alone(with: set), options: plan.evaluation)
            var rows = WorkloadRows(alone)
            let diff = ConnectivityDiff(old: expected, new: ConnectivitySnapshot(alone, level: .workload))
            #expect(model.allowsTheSame(as: &rows, removing: []) == diff.isEmpty, "\(label): check, \(what)")
            if !diff.isEmpty { differing += 1 }
            let after = Reachability(cluster: RolloutImpact.applied(set, to: cluster))
            var afterRows = WorkloadRows(after)
            let rollout = ConnectivityDiff(old: today, new: ConnectivitySnapshot(after, level: .workload))
            #expect(afterRows.allowsAtLeast(today) == !loses(rollout), "\(label): rollout, \(what)")
        }
        // Some policy left out must be missed (not every one: a holder's rule may repeat what
        // another policy of the plan allows anyway).
        #expect(variants.count == 4 && differing >= 1, "\(label): a policy left out is seen (\(differing))")
    }

    /// The simulation against the model (equal: the check passes), then the model with one
    /// change at a time: `allowsTheSame` must agree with the diff on every one.
    @Test(arguments: clusters.indices)
    func sideBySideAgreesWithTheDiff(index: Int) throws {
        let (label, plan, reach) = try Self.checked(index)
        let actual = ConnectivitySnapshot(reach, level: .workload)
        let model = ExpectedConnectivity(plan: plan, reach: reach, grouped: true).snapshot()
        var variants = [("as made", model)]
        let named = model.edges.indices.filter { !model.edges[$0].source.isExternal && !model.edges[$0].destination.isExternal }
        let external = model.edges.indices.filter { !named.contains($0) }
        for i in [named.first, named.last].compactMap({ $0 }) {
            var dropped = model
            dropped.edges.remove(at: i)
            variants.append(("without \(model.edges[i].source) => \(model.edges[i].destination)", dropped))
            var narrowed = model
            narrowed.edges[i].connections = narrowed.edges[i].connections.subtracting(ConnectionSet(.tcp, PortSet(port: 443)))
            variants.append(("narrowed \(model.edges[i].source) => \(model.edges[i].destination)", narrowed))
            var widened = model
            widened.edges[i].connections = widened.edges[i].connections.union(ConnectionSet(.udp, PortSet(port: 5353)))
            variants.append(("widened \(model.edges[i].source) => \(model.edges[i].destination)", widened))
        }
        for i in external.prefix(2) {
            var dropped = model
            dropped.edges.remove(at: i)
            variants.append(("without external \(model.edges[i].source) => \(model.edges[i].destination)", dropped))
            // Cut in two with the same connections: the same addresses, so still equal.
            var cut = model
            let e = model.edges[i]
            if let r = (e.source.externalRange ?? e.destination.externalRange), r.lower < r.upper {
                let halves = [
                    IPRange(family: r.family, lower: r.lower, upper: r.lower),
                    IPRange(family: r.family, lower: r.lower + 1, upper: r.upper),
                ]
                cut.edges.remove(at: i)
                for h in halves {
                    cut.edges.append(
                        e.source.isExternal
                            ? ConnectivityEdge(source: .external(h), destination: e.destination, connections: e.connections)
                            : ConnectivityEdge(source: e.source, destination: .external(h), connections: e.connections))
                }
                // Through the initialiser: a side's ranges hold every range its edges name.
                variants.append(
                    ("external cut in two", ConnectivitySnapshot(nodes: cut.nodes, edges: cut.edges, externalRanges: cut.externalRanges)))
            }
        }
        func loses(_ d: ConnectivityDiff) -> Bool { !d.removed.isEmpty || d.changed.contains { !$0.narrowed.isEmpty } }
        for (what, side) in variants {
            let diff = ConnectivityDiff(old: side, new: actual), back = ConnectivityDiff(old: actual, new: side)
            #expect(side.allowsTheSame(as: actual) == diff.isEmpty, "\(label): \(what)")
            #expect(ConnectivityDiff.comparing(side, actual) == diff, "\(label): \(what)")
            // `allowsAtLeast` (the rollout impact's shortcut) against the diff's losses, both ways.
            #expect(actual.allowsAtLeast(side) == !loses(diff), "\(label): \(what)")
            #expect(side.allowsAtLeast(actual) == !loses(back), "\(label): \(what)")
        }
        #expect(variants.count > 3, "\(label): some variants made")
    }
}

/// The expected model as it was before workloads were numbered (pairs keyed by
/// `WorkloadRef`): the reference the faster one is held to.
struct ReferenceExpectedConnectivity {
    let plan: LeastPrivilegePlan
    let reach: Reachability
    let grouped: Bool

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
        var pairs: [WorkloadRef: [WorkloadRef: ConnectionSet]] = [:]
        var outbound: [WorkloadRef: [(IPRange, ConnectionSet)]] = [:], inbound: [WorkloadRef: [(IPRange, ConnectionSet)]] = [:]
        for i in plan.intents {
            switch (i.source, i.destination) {
            case (.workload(let s), .workload(let d)): pairs[s, default: [:]][d] = i.connections
            case (.workload(let s), .external(let r)): outbound[s, default: []].append((r, i.connections))
            case (.external(let r), .workload(let d)): inbound[d, default: []].append((r, i.connections))
            case (.external, .external): break
            }
        }
        func egress(_ from: [WorkloadRef], _ to: [WorkloadRef]) -> ConnectionSet {
            from.filter(plan.holds).reduce(.none) { acc, x in to.reduce(acc) { $0.union(pairs[x]?[$1] ?? .none) } }
        }
        func ingress(_ from: [WorkloadRef], _ to: [WorkloadRef]) -> ConnectionSet {
            to.filter(plan.holds).reduce(.none) { acc, y in from.reduce(acc) { $0.union(pairs[$1]?[y] ?? .none) } }
        }
        var edges: [Endpoint: [Endpoint: ConnectionSet]] = [:]
        func add(_ s: Endpoint, _ d: Endpoint, _ c: ConnectionSet) {
            if !c.isEmpty { edges[s, default: [:]][d] = (edges[s]?[d] ?? .none).union(c) }
        }
        let sourceFamilies = Set(reach.externalSources.map(\.family)), destinationFamilies = Set(reach.externalDestinations.map(\.family))
        for a in podsOfClass.keys {
            for b in podsOfClass.keys where a.workload != b.workload || a != b || podsOfClass[a, default: 0] > 1 {
                let e = a.isolated ? egress(a.selectedBy, b.selectedBy).union(b.dns ? DefaultDenyCheck.dnsPorts : .none) : .all
                if e.isEmpty { continue }
                let i = b.isolated ? ingress(a.selectedBy, b.selectedBy) : .all
                add(.workload(a.workload), .workload(b.workload), e.intersection(i))
            }
            let out =
                a.isolated
                ? a.selectedBy.filter(plan.holds).flatMap { outbound[$0] ?? [] }
                : destinationFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in out { add(.workload(a.workload), .external(r), c) }
            let into =
                a.isolated
                ? a.selectedBy.filter(plan.holds).flatMap { inbound[$0] ?? [] }
                : sourceFamilies.map { (IPRange.everything($0), ConnectionSet.all) }
            for (r, c) in into { add(.external(r), .workload(a.workload), c) }
        }
        let list = edges.flatMap { s, ds in ds.map { ConnectivityEdge(source: s, destination: $0.key, connections: $0.value) } }
        return ConnectivitySnapshot(nodes: Set(cluster.pods.map { .workload($0.workload) }), edges: list)
    }
}
