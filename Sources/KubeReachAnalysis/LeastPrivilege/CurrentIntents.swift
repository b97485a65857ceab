import KubeReachCore

/// `--keep-current`: what the current policies allow, at workload level, as intents —
/// external ranges merged where one workload has the same connections to neighbouring
/// ranges, so the ipBlocks come out as few CIDRs as the policies allow.
public enum CurrentIntents {
    public static let origin = "current policies"

    /// What a plan restating the current policies may fold (`LeastPrivilegePlan`'s `current`).
    public static func rows(_ reach: Reachability) -> CurrentRows {
        let cluster = reach.cluster
        let families = Set((reach.externalSources + reach.externalDestinations).map(\.family))
        // Admin tiers and Cilium do not split into an ingress and an egress half here.
        guard cluster.adminPolicies.isEmpty, cluster.ciliumPolicies.isEmpty else { return CurrentRows(families: families) }
        func half(_ d: PolicyDirection) -> [Intent] {
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
            return Reachability(cluster: c, options: reach.options).edges(level: .workload).compactMap { e in
                guard case .workload(let s) = e.source, case .workload(let d) = e.destination else { return nil }
                return Intent(source: .workload(s), destination: .workload(d), connections: e.connections, origins: [origin])
            }
        }
        return CurrentRows(families: families, ingress: half(.ingress), egress: half(.egress))
    }

    public static func intents(_ reach: Reachability) -> [Intent] { intents(reach.edges(level: .workload)) }

    /// The intents of the current workload-level edges (`Reachability.edges(level: .workload)`,
    /// listed once and kept for the rollout impact).
    public static func intents(_ edges: [ConnectivityEdge]) -> [Intent] {
        var out: [Intent] = []
        // (workload, outbound?, connections) → ranges, merged below.
        var external: [ExternalKey: [IPRange]] = [:]
        for e in edges {
            switch (e.source, e.destination) {
            case (.workload(let s), .workload(let d)):
                out.append(Intent(source: .workload(s), destination: .workload(d), connections: e.connections, origins: [origin]))
            case (.workload(let s), .external(let r)):
                external[ExternalKey(workload: s, outbound: true, connections: e.connections), default: []].append(r)
            case (.external(let r), .workload(let d)):
                external[ExternalKey(workload: d, outbound: false, connections: e.connections), default: []].append(r)
            default:
                break
            }
        }
        for (key, list) in external {
            for r in IPRange.coalesced(list) {
                let w = IntentEndpoint.workload(key.workload), x = IntentEndpoint.external(r)
                out.append(
                    Intent(source: key.outbound ? w : x, destination: key.outbound ? x : w, connections: key.connections, origins: [origin])
                )
            }
        }
        return Intent.merged(out)
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
    /// Workload pairs: what the destinations' ingress policies admit (egress left open).
    public var ingress: [Intent]?
    /// Workload pairs: what the sources' egress policies allow (ingress left open).
    public var egress: [Intent]?

    public init(families: Set<IPFamily>, ingress: [Intent]? = nil, egress: [Intent]? = nil) {
        self.families = families
        self.ingress = ingress
        self.egress = egress
    }
}
