import KubeReachCore
import KubeReachYAML
import Testing

/// ServiceAccounts, Secrets' metadata, Roles, ClusterRoles and bindings, as the loader reads
/// them: every field kept with its location, every mistake reported at its path.
@Suite struct IdentityLoaderTests {
    static let objects = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: builder, namespace: ci}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: builder-token
          namespace: ci
          annotations: {kubernetes.io/service-account.name: builder}
        type: kubernetes.io/service-account-token
        data: {token: c2VjcmV0LXZhbHVl}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: pod-reader, namespace: ci}
        rules:
        - apiGroups: [""]
          resources: [pods, pods/log]
          resourceNames: [web-0]
          verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: "system:monitoring-aggregate"}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {team: ops}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: read, namespace: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
        subjects:
        - {kind: ServiceAccount, name: builder}
        - {kind: Group, name: "system:serviceaccounts:ci", apiGroup: rbac.authorization.k8s.io}
        """

    @Test func identityObjectsAreRead() throws {
        let r = try load(Self.objects)
        let id = r.cluster.identity
        #expect(
            id.serviceAccounts == [
                ServiceAccount(namespace: "ci", name: "builder", automountToken: false, location: id.serviceAccounts.first?.location)
            ])
        let secret = try #require(id.secrets.first)
        #expect(
            secret.type == SecretInfo.serviceAccountTokenType && secret.serviceAccountName == "builder" && secret.holdsServiceAccountToken)
        let role = try #require(id.roles.first { $0.kind == .role })
        #expect(role.namespace == "ci" && role.rules.count == 1)
        #expect(role.rules[0].resources == ["pods", "pods/log"] && role.rules[0].resourceNames == ["web-0"])
        #expect(role.rules[0].location?.line == 19)
        let aggregated = try #require(id.roles.first { $0.kind == .clusterRole })
        #expect(aggregated.name == "system:monitoring-aggregate" && aggregated.namespace == nil)
        #expect(aggregated.aggregationSelectors == [LabelSelector(matchLabels: ["team": "ops"])])
        let binding = try #require(id.bindings.first)
        #expect(binding.roleKind == .role && binding.roleName == "pod-reader")
        // A ServiceAccount subject without a namespace is in the RoleBinding's.
        #expect(
            binding.subjects == [
                RBACSubject(kind: .serviceAccount, name: "builder", namespace: "ci"),
                RBACSubject(kind: .group, name: "system:serviceaccounts:ci"),
            ])
        #expect(!r.diagnostics.contains { $0.severity != .note && $0.message.contains("Secret") })
    }

    /// A Secret's value never reaches the model or a message, even when the Secret is wrong.
    @Test func secretDataIsNeverShown() throws {
        let text = """
            apiVersion: v1
            kind: Secret
            metadata: {name: s, namespace: ci}
            type: kubernetes.io/service-account-token
            data: {token: c2VjcmV0LXZhbHVl}
            stringData: {password: hunter2}
            """
        let r = try load(text)
        let shown = r.diagnostics.map(\.description).joined(separator: "\n") + "\(r.cluster.identity.secrets)"
        #expect(r.diagnostics.contains { $0.message.contains("without the kubernetes.io/service-account.name annotation") })
        #expect(!shown.contains("c2VjcmV0") && !shown.contains("hunter2"))
    }

    @Test(
        arguments: [
            (
                "kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}", "roleRef.kind",
                "may only refer to a ClusterRole"
            ),
            ("kind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: Thing, name: r}", "roleRef.kind", "must be Role or ClusterRole"),
            ("kind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role}", "roleRef.name", "roleRef.name is required"),
            (
                "kind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}\nsubjects: [{kind: Robot, name: x}]",
                "subjects[0].kind", "User, Group or ServiceAccount"
            ),
            (
                "kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: r}\nsubjects: [{kind: ServiceAccount, name: x}]",
                "subjects[0].namespace", "needs a namespace"
            ),
            ("kind: Role\nmetadata: {name: r}\nrules: [{apiGroups: [\"\"], resources: [pods]}]", "rules[0].verbs", "at least one value"),
            (
                "kind: Role\nmetadata: {name: r}\nrules: [{verbs: [get], nonResourceURLs: [/healthz]}]", "rules[0].nonResourceURLs",
                "only valid in a ClusterRole"
            ),
            (
                "kind: ClusterRole\nmetadata: {name: r}\nrules: [{verbs: [get], resources: [pods]}]", "rules[0].apiGroups",
                "at least one api group"
            ),
            ("kind: ClusterRole\nmetadata: {name: a/b}\nrules: []", "metadata.name", "may not contain '/'"),
        ] as [(String, String, String)])
    func invalidRBACIsAnErrorAtItsPath(_ body: String, _ path: String, _ message: String) {
        let found = errors("apiVersion: rbac.authorization.k8s.io/v1\n" + body)
        #expect(found.contains { $0.fieldPath == path && $0.message.contains(message) }, "\(found.map(\.description))")
    }

    @Test func unknownRuleKeyWarnsWithSuggestion() throws {
        let r = try load(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: [{verbs: [get], apiGroups: [\"\"], resources: [pods], resourceName: [x]}]"
        )
        let w = try #require(r.diagnostics.first { $0.fieldPath == "rules[0].resourceName" })
        #expect(w.severity == .warning && w.message.contains("did you mean 'resourceNames'?"))
    }

    @Test func unknownPodSecurityLevelWarns() throws {
        let r = try load(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ci\n  labels: {pod-security.kubernetes.io/enforce: strict, pod-security.kubernetes.io/enforce-version: \"1.30\"}"
        )
        #expect(
            r.diagnostics.contains {
                $0.fieldPath == "metadata.labels.pod-security.kubernetes.io/enforce" && $0.message.contains("'strict'")
            })
        #expect(r.diagnostics.contains { $0.fieldPath == "metadata.labels.pod-security.kubernetes.io/enforce-version" })
        let good = try load(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ci\n  labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.30}"
        )
        #expect(good.cluster.namespaces.first?.enforcedPodSecurity == PodSecurityMode(level: .restricted, version: "v1.30"))
    }
}
