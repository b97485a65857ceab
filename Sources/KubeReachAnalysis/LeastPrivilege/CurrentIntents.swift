import KubeReachCore

/// `--keep-current`: what the current policies allow, at workload level, as intents —
/// external ranges merged where one workload has the same connections to neighbouring
/// ranges, so the ipBlocks come out as few CIDRs as the policies allow.
public enum CurrentIntents {
    public static let origin = "current policies"
    /// One array shared by every intent (not one allocated per pair).
    static let origins = [origin]

    /// What a plan restating the current policies may fold (`LeastPrivilegePlan`'s `current`).
    ///
    /// Each half is the one simulation with the other direction open (`Reachability.withOnly`),
    /// read at workload level one holder at a time (`WorkloadRows`, never listed whole): what a
    /// cluster holding only that half of every policy allows. Calico's rows hold both
    /// directions, so with Calico policies each half is simulated on its own.
    public static func rows(_ reach: Reachability) -> CurrentRows {
        let cluster = reach.cluster
        let families = Set((reach.externalSources + reach.externalDestinations).map(\.family))
        // Admin tiers and Cilium do not split into an ingress and an egress half here.
        guard cluster.adminPolicies.isEmpty, cluster.ciliumPolicies.isEmpty else { return CurrentRows(families: families) }
        func half(_ d: PolicyDirection) -> WorkloadRows {
            WorkloadRows(
                cluster.calico.policies.isEmpty ? reach.withOnly(d) : Reachability(cluster: Self.half(cluster, d), options: reach.options))
        }
        return CurrentRows(families: families, ingress: half(.ingress), egress: half(.egress))
    }

    /// The cluster with only one direction of each NetworkPolicy (the others dropped).
    static func half(_ cluster: Cluster, _ d: PolicyDirection) -> Cluster {
        var c = cluster
        c.policies = cluster.policies.compactMap { p in
            guard p.affects(d) else { return nil }
            var q = p
            if d == .ingress {
                q.affectsEgress = false
                q.egress = []
            } else {
                q.affectsIngress = false
                q.ingress = []
            }
            return q
        }
        return c
    }

    public static func intents(_ reach: Reachability) -> [Intent] { intents(reach.edges(level: .workload)) }

    /// The intents of the current workload-level edges (`Reachability.edges(level: .workload)`,
    /// listed once and kept for the rollout impact), one per pair in `Intent.merged`'s order.
    ///
    /// - Complexity: O(E) for E edges (they come sorted by name, and each pair once), plus the
    ///   merging and sorting of the external ranges; no pair is hashed, and the pairs are
    ///   written once, in place (no second list of every pair to reorder).
    public static func intents(_ edges: [ConnectivityEdge]) -> [Intent] {
        var pairs = 0
        // (workload, outbound?, connections) → ranges, merged below.
        var external: [ExternalKey: [IPRange]] = [:]
        for e in edges {
            switch (e.source, e.destination) {
            case (.workload, .workload): pairs += 1
            case (.workload(let s), .external(let r)):
                external[ExternalKey(workload: s, outbound: true, connections: e.connections), default: []].append(r)
            case (.external(let r), .workload(let d)):
                external[ExternalKey(workload: d, outbound: false, connections: e.connections), default: []].append(r)
            default:
                break
            }
        }
        var outbound: [WorkloadRef: [Intent]] = [:], inbound: [Intent] = []
        for (key, list) in external {
            for r in IPRange.coalesced(list) {
                let w = IntentEndpoint.workload(key.workload), x = IntentEndpoint.external(r)
                if key.outbound {
                    outbound[key.workload, default: []].append(
                        Intent(source: w, destination: x, connections: key.connections, origins: Self.origins))
                } else {
                    inbound.append(Intent(source: x, destination: w, connections: key.connections, origins: Self.origins))
                }
            }
        }
        return ordered(edges, pairs: pairs, outbound: outbound, inbound: inbound)
    }

    /// The intents in `Intent.merged`'s order (sources, then destinations: workloads by name
    /// before ranges): the pairs between workloads as `edges` lists them, each sender's ranges
    /// after its pairs, and the inbound ranges last.
    static func ordered(_ edges: [ConnectivityEdge], pairs: Int, outbound: [WorkloadRef: [Intent]], inbound: [Intent]) -> [Intent] {
        let senders = outbound.keys.map { ($0.description, $0) }.sorted { $0.0.utf8Precedes($1.0) }
        var out: [Intent] = [], next = 0
        out.reserveCapacity(pairs + inbound.count + outbound.values.reduce(0) { $0 + $1.count })
        func ranges(of w: WorkloadRef) -> [Intent] {
            (outbound[w] ?? []).sorted { $0.destination.range! < $1.destination.range! }
        }
        /// The ranges of the sender named `name` (if it has some), after its pairs.
        func close(_ name: String) {
            if next < senders.count && senders[next].0 == name {
                out += ranges(of: senders[next].1)
                next += 1
            }
        }
        var source: (ref: WorkloadRef, name: String)?
        for e in edges {
            guard case .workload(let s) = e.source, case .workload(let d) = e.destination else { continue }
            if s != source?.ref {
                if let source { close(source.name) }
                let name = s.description
                // Senders named before this one that have ranges and no pair.
                while next < senders.count && senders[next].0.utf8Precedes(name) {
                    out += ranges(of: senders[next].1)
                    next += 1
                }
                source = (s, name)
            }
            out.append(Intent(source: .workload(s), destination: .workload(d), connections: e.connections, origins: Self.origins))
        }
        if let source { close(source.name) }
        for (_, w) in senders[next...] { out += ranges(of: w) }
        let keyed = inbound.map { (range: $0.source.range!, name: $0.destination.description, intent: $0) }
        out += keyed.sorted { $0.range != $1.range ? $0.range < $1.range : $0.name.utf8Precedes($1.name) }.map { $0.intent }
        return out
    }

    struct ExternalKey: Hashable {
        var workload: WorkloadRef
        var outbound: Bool
        var connections: ConnectionSet
    }
}

/// The current policies per direction, for `--keep-current`: a pair's connections are what
/// the source's egress allows intersected with what the destination's ingress admits, so a
/// plan may restate each half on its own side (an open ingress stays one rule without peers)
/// wherever both ends hold generated policies. Nil halves: only the intersection is known.
public struct CurrentRows: Sendable {
    /// The address families the simulation has external ranges in (a rule without peers
    /// must cover them all).
    public var families: Set<IPFamily>
    /// What the destinations' ingress policies admit (egress left open), at workload level,
    /// read per holder: only the edges between workloads are read.
    public var ingress: WorkloadRows?
    /// What the sources' egress policies allow (ingress left open), likewise.
    public var egress: WorkloadRows?

    public init(families: Set<IPFamily>, ingress: WorkloadRows? = nil, egress: WorkloadRows? = nil) {
        self.families = families
        self.ingress = ingress
        self.egress = egress
    }
}
