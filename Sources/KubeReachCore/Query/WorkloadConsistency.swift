/// Pods grouped under one workload are printed as one node; that is only truthful when no
/// policy can tell them apart. This finds the workloads where a selector reads a label
/// whose value differs between the workload's pods.
public struct WorkloadLabelConflict: Hashable, Sendable, CustomStringConvertible {
    public var workload: WorkloadRef
    public var keys: [String]

    public var description: String {
        "pods of workload \(workload) differ in label(s) \(keys.joined(separator: ", ")), which policy selectors read; their connectivity may differ (use --by pod)"
    }
}

extension Cluster {
    public func workloadLabelConflicts() -> [WorkloadLabelConflict] {
        var selectorKeys = Set<String>()
        for p in policies {
            selectorKeys.formUnion(p.podSelector.keys)
            for rule in p.ingress + p.egress {
                for case .selector(let pods, _) in rule.peers { selectorKeys.formUnion(pods?.keys ?? []) }
            }
        }
        var labelsOf: [WorkloadRef: [[String: String]]] = [:]
        for pod in pods { labelsOf[pod.workload, default: []].append(pod.labels) }
        var out: [WorkloadLabelConflict] = []
        for (workload, sets) in labelsOf where sets.count > 1 {
            let allKeys = Set(sets.flatMap(\.keys))
            let differing = allKeys.filter { k in Set(sets.map { $0[k] }).count > 1 }
            let hit = differing.intersection(selectorKeys).sorted()
            if !hit.isEmpty { out.append(WorkloadLabelConflict(workload: workload, keys: hit)) }
        }
        return out.sorted { $0.workload < $1.workload }
    }
}
