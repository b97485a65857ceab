/// A workload whose pods the policies tell apart: printed as one node, its line could not
/// be true for every pod.
public struct WorkloadConflict: Hashable, Sendable, CustomStringConvertible {
    public var workload: WorkloadRef
    /// Labels whose values differ between the workload's pods.
    public var differingLabels: [String]

    public var description: String {
        let why = differingLabels.isEmpty
            ? "differ in IP addresses or ports" : "differ in label(s) \(differingLabels.joined(separator: ", "))"
        return "pods of workload \(workload) \(why) and the policies treat them differently; use --by pod"
    }
}

extension Reachability {
    /// Workloads whose identities are not selected by exactly the same policies and matched by
    /// exactly the same rule peers (so a workload-level line would hide a difference).
    public func workloadConflicts() -> [WorkloadConflict] {
        var identitiesOf: [WorkloadRef: Set<Int>] = [:]
        for (i, pod) in cluster.pods.enumerated() { identitiesOf[pod.workload, default: []].insert(identities.identityOfPod[i]) }
        let namedPorts = compiled.contains { cp in
            (cp.ingress ?? []).contains(where: \.hasNamedPorts) || (cp.egress ?? []).contains(where: \.hasNamedPorts)
        }
        var out: [WorkloadConflict] = []
        for (workload, ids) in identitiesOf where ids.count > 1 {
            let signatures = Set(ids.map { signature(of: $0, withPorts: namedPorts) })
            guard signatures.count > 1 else { continue }
            let labelSets = ids.map { identities.keys[$0].labels }
            let keys = Set(labelSets.flatMap(\.keys)).filter { k in Set(labelSets.map { $0[k] }).count > 1 }
            out.append(WorkloadConflict(workload: workload, differingLabels: keys.sorted()))
        }
        return out.sorted { $0.workload < $1.workload }
    }

    /// Everything the compiled policies can observe about an identity.
    private func signature(of id: Int, withPorts: Bool) -> [Int] {
        var sig = ingressPolicies[id] + [-1] + egressPolicies[id] + [-2]
        for (ci, cp) in compiled.enumerated() {
            for (d, rules) in [(0, cp.ingress ?? []), (1, cp.egress ?? [])] {
                for (ri, rule) in rules.enumerated() where rule.peers.contains(id) { sig += [ci, d, ri] }
            }
        }
        if withPorts { sig.append(-3 - identities.portListOfIdentity[id]) }
        if options.hostNetwork == .bypass && identities.keys[id].hostNetwork { sig.append(Int.min) }
        return sig
    }
}
