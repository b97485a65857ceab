import KubeReachCore
import KubeReachLint

/// The figures at the top of the HTML report. Pair counts are those of
/// `kubereach list --by workload` (one line per ordered pair with something allowed).
public struct ReportSummary: Sendable, Equatable, Codable {
    public var namespaces: Int
    public var workloads: Int
    public var pods: Int
    public var policies: Int
    public var adminPolicies: Int
    /// Every listed pair, external ranges included.
    public var allowedPairs: Int
    /// Pairs between two workloads.
    public var workloadPairs: Int
    /// Pairs from an external address range to a workload: open to the internet (or to
    /// the part of it the policies name).
    public var fromExternal: Int
    /// Pairs from a workload to an external address range.
    public var toExternal: Int
    public var lintErrors: Int
    public var lintWarnings: Int
    public var lintNotes: Int

    public init(cluster: Cluster, workloads: Int, edges: [ConnectivityEdge], findings: [LintFinding]) {
        self.init(cluster: cluster, workloads: workloads, lines: [], findings: findings)
        allowedPairs = edges.count
        fromExternal = edges.count { $0.source.isExternal }
        toExternal = edges.count { $0.destination.isExternal }
        workloadPairs = allowedPairs - fromExternal - toExternal
    }

    /// Counted as the table shows them: with merged externals, a pair's external ranges
    /// that allow the same connections are one line.
    public init(cluster: Cluster, workloads: Int, lines edges: [ListedEdge], findings: [LintFinding]) {
        namespaces = cluster.namespaces.count
        self.workloads = workloads
        pods = cluster.pods.count
        policies = cluster.policies.count
        adminPolicies = cluster.adminPolicies.count
        allowedPairs = edges.count
        fromExternal = edges.count(where: \.sourceIsExternal)
        toExternal = edges.count(where: \.destinationIsExternal)
        workloadPairs = allowedPairs - fromExternal - toExternal
        lintErrors = findings.count { $0.severity == .error }
        lintWarnings = findings.count { $0.severity == .warning }
        lintNotes = findings.count { $0.severity == .note }
    }

    /// Label and value, in display order; also the keys of the embedded JSON.
    var figures: [(key: String, label: String, value: Int)] {
        [
            ("namespaces", "namespaces", namespaces), ("workloads", "workloads", workloads), ("pods", "pods", pods),
            ("policies", "NetworkPolicies", policies), ("adminPolicies", "admin policies", adminPolicies),
            ("allowedPairs", "allowed pairs", allowedPairs), ("workloadPairs", "workload → workload", workloadPairs),
            ("fromExternal", "open to external addresses", fromExternal), ("toExternal", "to external addresses", toExternal),
            ("lintErrors", "lint errors", lintErrors), ("lintWarnings", "lint warnings", lintWarnings),
            ("lintNotes", "lint notes", lintNotes),
        ]
    }
}
