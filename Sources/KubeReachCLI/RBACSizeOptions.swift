import ArgumentParser
import KubeReachSynthetic

/// `synth` options adding ServiceAccounts, Roles/ClusterRoles and bindings (the attack
/// graph's benchmark); all 0 by default, so the output without them is unchanged.
struct RBACSizeOptions: ParsableArguments {
    @Option(name: .customLong("service-accounts"), help: "Number of ServiceAccounts (spread over the namespaces).")
    var serviceAccounts = 0
    @Option(help: "Number of Roles and ClusterRoles (about one in ten a ClusterRole, some aggregated).")
    var roles = 0
    @Option(help: "Number of RoleBindings and ClusterRoleBindings (about one in twenty cluster-wide).")
    var bindings = 0

    /// The RBAC manifests over `namespaces` namespaces; empty when nothing was asked.
    func manifests(namespaces: Int, seed: UInt64) -> String {
        guard serviceAccounts + roles + bindings > 0 else { return "" }
        return SyntheticRBAC(namespaces: namespaces, serviceAccounts: serviceAccounts, roles: roles, bindings: bindings, seed: seed)
            .manifests()
    }
}
