import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender

/// What the one-object targets of `generate default-deny` share (`--as cluster-network-policy`,
/// `--as calico`, `--as cilium`): no same-namespace rule where the kind cannot write one, the coverage notes, the simulation check, the
/// rollout impact and the publication of one manifest.
extension DefaultDenyCommand {
    /// One generated object, ready to be checked and written.
    struct OneObject {
        var violations: [DefaultDenyCheck.Violation]
        /// The input with the object applied, for the impact.
        var applied: Cluster
        /// The manifest, its header comment included.
        var text: String
        var fileName: String
    }

    /// `kind` names the object in errors ("ClusterNetworkPolicy"); `noSameNamespace` says why
    /// `--allow-same-namespace` cannot be written as one (nil: it can).
    func publish(
        _ plan: DefaultDenyPlan, cluster: Cluster, kind: String, noSameNamespace: String?, _ make: () throws -> OneObject
    ) throws {
        if allowSameNamespace, let noSameNamespace {
            throw CLIError.usage("--allow-same-namespace cannot be written as one \(kind) (\(noSameNamespace)); use --as network-policy")
        }
        coverage.warn(plan, replaced: [], cluster: cluster, quiet: input.quiet)
        let object = try make()
        guard object.violations.isEmpty else {
            throw CLIError.invalidInput(
                [Diagnostic(.error, "the generated \(kind) would still allow more than intended; nothing written")]
                    + object.violations.map { Diagnostic(.error, $0.description) })
        }
        let io = CommandIO.current
        if impactOnly || !input.quiet {
            let comparison = ConnectivityComparison(old: cluster, new: object.applied, options: input.evaluationOptions, level: .workload)
            let impact = ImpactFormatter.text(comparison.diff)
            if impactOnly { return io.out(impact) }
            io.err(impact)
        }
        try GeneratedOutput.publish(stream: object.text, to: out, quiet: input.quiet) { [(name: object.fileName, text: object.text)] }
    }
}
