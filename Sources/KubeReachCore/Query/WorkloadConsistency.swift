/// A workload whose pods the policies tell apart: printed as one node, its line could not
/// be true for every pod.
public struct WorkloadConflict: Hashable, Sendable, CustomStringConvertible {
    public var workload: WorkloadRef
    /// Labels whose values differ between the workload's pods.
    public var differingLabels: [String]

    public var description: String {
        let why =
            differingLabels.isEmpty
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
        variantClasses().map { WorkloadConflict(workload: $0.workload, differingLabels: $0.differingLabels) }
    }

    /// Splits every workload whose pods the policies treat differently (a canary `version`
    /// label a policy reads, a bare Pod of a ReplicaSet with other labels) into its pod
    /// variants, `ns/api[Deployment]{version=v2}`, so that a workload line is true for every
    /// pod it stands for. Pods treated alike stay together. Returns one note per workload split.
    /// This is the one workload-consistency check: every command that prints workloads calls it.
    /// - Complexity: O(identities in multi-identity workloads × rows).
    public mutating func splitWorkloadVariants() -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for split in variantClasses() {
            let names = split.variantNames(identities: identities, pods: cluster.pods)
            var variantOfIdentity: [Int: String] = [:]
            for (c, ids) in split.classes.enumerated() { for id in ids { variantOfIdentity[id] = names[c] } }
            for i in split.pods { cluster.pods[i].workload.variant = variantOfIdentity[identities.identityOfPod[i]] }
            let why =
                split.differingLabels.isEmpty
                ? "differ in IP addresses or ports" : "differ in label(s) \(split.differingLabels.joined(separator: ", "))"
            notes.append(
                Diagnostic(
                    .note,
                    "pods of workload \(split.workload) \(why) and the policies treat them differently: shown as \(names.count) variants, "
                        + names.map { "{\($0)}" }.joined(separator: ", ")))
        }
        return notes
    }

    /// Per workload with pods treated differently: its pods and its identities grouped into
    /// classes treated alike (in identity order), sorted by workload.
    func variantClasses() -> [WorkloadVariants] {
        var podsOf: [WorkloadRef: [Int]] = [:]
        for (i, pod) in cluster.pods.enumerated() { podsOf[pod.workload.whole, default: []].append(i) }
        var out: [WorkloadVariants] = []
        var starts: RunStarts?
        for (workload, pods) in podsOf {
            let ids = Set(pods.map { identities.identityOfPod[$0] }).sorted()
            guard ids.count > 1 else { continue }
            if starts == nil { starts = RunStarts(self) }
            var classes: [[Int]] = []
            for id in ids {
                if let c = classes.firstIndex(where: { treatedAlike($0[0], id, starts!) }) {
                    classes[c].append(id)
                } else {
                    classes.append([id])
                }
            }
            guard classes.count > 1 else { continue }
            let labelSets = ids.map { identities.keys[$0].labels }
            let keys = Set(labelSets.flatMap(\.keys)).filter { k in Set(labelSets.map { $0[k] }).count > 1 }
            out.append(WorkloadVariants(workload: workload, pods: pods, classes: classes, differingLabels: keys.sorted()))
        }
        return out.sorted { $0.workload < $1.workload }
    }

    private func treatedAlike(_ a: Int, _ b: Int, _ starts: RunStarts) -> Bool {
        guard ingressRowOfIdentity[a] == ingressRowOfIdentity[b], egressRowOfIdentity[a] == egressRowOfIdentity[b] else {
            return false
        }
        // As peers too: every row treats them alike.
        return starts.agree(a, b, in: self)
    }
}

/// One workload's pods, grouped into classes of identities the policies treat alike.
struct WorkloadVariants {
    var workload: WorkloadRef
    var pods: [Int]
    var classes: [[Int]]
    var differingLabels: [String]

    /// One name per class: the differing labels every identity of the class agrees on
    /// (`version=v2`, `!version` when absent); `pod=NAME` (its first pod) added when that
    /// names nothing or is not unique. Labels the API server would refuse are left out of
    /// names (they are printed in every line: nothing may break one); pod names are checked.
    func variantNames(identities: IdentityTable, pods all: [Pod]) -> [String] {
        let printable = differingLabels.filter { LabelValidation.problem(inKey: $0) == nil }
        let byLabels = classes.map { ids -> String in
            printable.compactMap { key -> String? in
                let values = Set(ids.map { identities.keys[$0].labels[key] })
                guard values.count == 1, let value = values.first else { return nil }
                if let value, LabelValidation.problem(inValue: value) != nil { return nil }
                return value.map { "\(key)=\($0)" } ?? "!\(key)"
            }.joined(separator: ",")
        }
        return classes.indices.map { c in
            let name = byLabels[c]
            if !name.isEmpty && byLabels.filter({ $0 == name }).count == 1 { return name }
            let first = pods.filter { classes[c].contains(identities.identityOfPod[$0]) }.map { all[$0].name }.min() ?? ""
            return (name.isEmpty ? "" : name + ",") + "pod=\(first)"
        }
    }
}
