import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML

/// The check of `generate default-deny --as kyverno`, on the text about to be written:
/// expanded for the loaded namespaces (as Kyverno's `generateExisting` would), loaded back
/// as manifests, it must create exactly the NetworkPolicies of the plain export (same
/// namespaces and names, same connectivity) and pass `DefaultDenyCheck`.
enum KyvernoCheck {
    static func verify(_ text: String, plan: DefaultDenyPlan, cluster: Cluster, options: EvaluationOptions) throws {
        let namespaces = Set(cluster.namespaces.map(\.name)).union(cluster.pods.map(\.namespace)).sorted()
        let policies: [NetworkPolicy]
        do {
            let expanded = try KyvernoExpansion.networkPolicies(text, namespaces: namespaces)
            policies = try ManifestLoader.load([ManifestSource(name: "kyverno-expansion.yaml", bytes: Array(expanded.utf8))]).cluster
                .policies
        } catch let e as InputFileError {
            throw CLIError.invalidInput([e.diagnostic])
        } catch let e as LoadFailure {
            throw CLIError.invalidInput(e.diagnostics)
        }
        let present = Set(namespaces)
        let plain = plan.policies.map(\.policy).filter { present.contains($0.namespace) }
        var problems: [Diagnostic] = []
        let want = Set(plain.map(\.qualifiedName)), got = Set(policies.map(\.qualifiedName))
        for name in want.subtracting(got).sorted() { problems.append(Diagnostic(.error, "the ClusterPolicy does not create \(name)")) }
        for name in got.subtracting(want).sorted() { problems.append(Diagnostic(.error, "the ClusterPolicy also creates \(name)")) }
        let same = ConnectivityDiff(
            old: ConnectivitySnapshot(Reachability(cluster: cluster.alone(with: plain), options: options), level: .workload),
            new: ConnectivitySnapshot(Reachability(cluster: cluster.alone(with: policies), options: options), level: .workload))
        if !same.isEmpty {
            problems.append(Diagnostic(.error, "the ClusterPolicy's policies allow other connections than the NetworkPolicy set"))
        }
        var generated = plan
        generated.policies = policies.map { GeneratedPolicy(policy: $0, reason: "") }
        problems += DefaultDenyCheck.violations(of: generated, in: cluster, options: options).map { Diagnostic(.error, $0.description) }
        guard problems.isEmpty else {
            throw CLIError.invalidInput(
                [Diagnostic(.error, "the Kyverno ClusterPolicy, expanded and simulated, fails the check; nothing written")] + problems)
        }
    }
}
