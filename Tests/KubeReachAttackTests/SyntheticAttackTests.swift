import KubeReachAttack
import KubeReachCore
import KubeReachRBAC
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// The attack benchmark's cluster: pods run as the synthetic ServiceAccounts, some are
/// privileged, some accounts have token Secrets; without accounts the pods are as before.
@Suite struct SyntheticAttackTests {
    func cluster(accounts: Int, privilegedEvery: Int, tokens: Int) throws -> Cluster {
        var size = SyntheticCluster.Size(pods: 300, namespaces: 6, policies: 20)
        size.serviceAccounts = accounts
        size.privilegedEvery = privilegedEvery
        var rbac = SyntheticRBAC(namespaces: 6, serviceAccounts: accounts, roles: 30, bindings: 40, seed: 5)
        rbac.tokenSecrets = tokens
        let text = SyntheticCluster(size: size, seed: 5).manifests() + rbac.manifests()
        let r = try ManifestLoader.load([ManifestSource(name: "s.yaml", bytes: Array(text.utf8))])
        #expect(!r.diagnostics.contains { $0.severity == .error })
        return r.cluster
    }

    @Test func podsRunAsLoadedAccountsSomePrivileged() throws {
        let c = try cluster(accounts: 24, privilegedEvery: 10, tokens: 4)
        let loaded = Set(c.identity.serviceAccounts.map { "\($0.namespace)/\($0.name)" })
        let apps = c.pods.filter { $0.namespace != "kube-system" }
        #expect(apps.allSatisfy { loaded.contains("\($0.namespace)/\($0.serviceAccountName)") }, "every app pod's account is loaded")
        let privileged = Set(c.pods.filter { $0.security?.containers.contains { $0.context.privileged == true } ?? false }.map(\.workload))
        #expect(!privileged.isEmpty)
        #expect(c.identity.secrets.filter(\.holdsServiceAccountToken).count == 4)
        let g = AttackGraphBuilder(reach: Reachability(cluster: c), authorizer: RBACAuthorizer(c.identity)).build()
        let escaping = Set(g.edges(.privilegedMount).compactMap { $0.from.workload })
        #expect(escaping == privileged, "one CE_PRIV_MOUNT per privileged workload")
    }

    @Test func withoutAccountsPodsAreUnchanged() throws {
        let c = try cluster(accounts: 0, privilegedEvery: 0, tokens: 0)
        #expect(
            c.pods.allSatisfy { $0.serviceAccount == nil && $0.security?.containers.allSatisfy { $0.context.privileged == nil } ?? true })
    }
}
