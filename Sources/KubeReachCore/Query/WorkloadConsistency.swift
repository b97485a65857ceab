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
    /// Workloads holding identities that the compiled policies treat differently: different
    /// ingress or egress rows (applying policies), or a different value in some row's column
    /// (what other endpoints may exchange with them).
    /// - Complexity: O(identities in multi-identity workloads × rows).
    public func workloadConflicts() -> [WorkloadConflict] {
        var identitiesOf: [WorkloadRef: Set<Int>] = [:]
        for (i, pod) in cluster.pods.enumerated() { identitiesOf[pod.workload, default: []].insert(identities.identityOfPod[i]) }
        var out: [WorkloadConflict] = []
        for (workload, set) in identitiesOf where set.count > 1 {
            let ids = set.sorted()
            let first = ids[0]
            let differs = ids.dropFirst().contains { !treatedAlike(first, $0) }
            guard differs else { continue }
            let labelSets = ids.map { identities.keys[$0].labels }
            let keys = Set(labelSets.flatMap(\.keys)).filter { k in Set(labelSets.map { $0[k] }).count > 1 }
            out.append(WorkloadConflict(workload: workload, differingLabels: keys.sorted()))
        }
        return out.sorted { $0.workload < $1.workload }
    }

    private func treatedAlike(_ a: Int, _ b: Int) -> Bool {
        guard ingressRowOfIdentity[a] == ingressRowOfIdentity[b], egressRowOfIdentity[a] == egressRowOfIdentity[b] else {
            return false
        }
        // As peers too: every row treats them alike.
        return egressRows.allSatisfy { $0[a] == $0[b] }
            && (0..<ingress.blockCount).allSatisfy { ingress.cells(block: $0, column: a).elementsEqual(ingress.cells(block: $0, column: b)) }
    }
}
