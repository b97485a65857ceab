import KubeReachCore

/// `--keep-current`: what the current policies allow, at workload level, as intents —
/// external ranges merged where one workload has the same connections to neighbouring
/// ranges, so the ipBlocks come out as few CIDRs as the policies allow.
public enum CurrentIntents {
    public static let origin = "current policies"

    public static func intents(_ reach: Reachability) -> [Intent] {
        var out: [Intent] = []
        // (workload, outbound?, connections) → ranges, merged below.
        var external: [ExternalKey: [IPRange]] = [:]
        for e in reach.edges(level: .workload) {
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
