import ArgumentParser
import KubeReachSynthetic

/// `synth` options adding ServiceAccounts, Roles/ClusterRoles and bindings (the attack
/// graph's benchmark); all 0 by default, so the output without them is unchanged.
struct RBACSizeOptions: ParsableArguments {
    @Option(name: .customLong("service-accounts"), help: "Number of ServiceAccounts (spread over the namespaces; pods then run as them).")
    var serviceAccounts = 0
    @Option(help: "Number of Roles and ClusterRoles (about one in ten a ClusterRole, some aggregated).")
    var roles = 0
    @Option(help: "Number of RoleBindings and ClusterRoleBindings (about one in twenty cluster-wide).")
    var bindings = 0
    @Option(name: .customLong("token-secrets"), help: "Token Secrets of ServiceAccounts (default: one account in twenty).")
    var tokenSecrets: Int?
    @Option(name: .customLong("privileged-every"), help: "With --service-accounts: one app in N runs a privileged container (0: none).")
    var privilegedEvery = 50

    func validate() throws {
        guard serviceAccounts >= 0, roles >= 0, bindings >= 0, (tokenSecrets ?? 0) >= 0, privilegedEvery >= 0 else {
            throw ValidationError("--service-accounts, --roles, --bindings, --token-secrets and --privileged-every take 0 or more")
        }
    }

    /// Pods run as the accounts, some privileged, when accounts are asked for.
    func apply(to size: inout SyntheticCluster.Size) {
        guard serviceAccounts > 0 else { return }
        size.serviceAccounts = serviceAccounts
        size.privilegedEvery = privilegedEvery
    }

    /// The RBAC manifests over `namespaces` namespaces; empty when nothing was asked.
    func manifests(namespaces: Int, seed: UInt64) -> String {
        guard serviceAccounts + roles + bindings > 0 else { return "" }
        var rbac = SyntheticRBAC(namespaces: namespaces, serviceAccounts: serviceAccounts, roles: roles, bindings: bindings, seed: seed)
        rbac.tokenSecrets = tokenSecrets ?? serviceAccounts / 20
        return rbac.manifests()
    }
}
