import KubeReachCore

/// What the Calico lint rules share: example manifests, each rule of each policy with its
/// field path, the labels Calico gives endpoints, and which loaded pods a policy or a rule
/// side matches. Only the label side of a match is decided here: a side with a `services`
/// match, a service-account selector or nets on a pod without an address answers nil
/// (undecided), and rules then stay silent rather than guess.
enum CalicoLint {
    /// A Calico policy manifest (`ns` nil: a GlobalNetworkPolicy) with the given spec lines.
    static func policy(_ name: String, ns: String? = "shop", _ spec: String) -> String {
        let kind = ns == nil ? "GlobalNetworkPolicy" : "NetworkPolicy"
        let meta = ns.map { "{name: \(name), namespace: \($0)}" } ?? "{name: \(name)}"
        return "apiVersion: projectcalico.org/v3\nkind: \(kind)\nmetadata: \(meta)\nspec:\n\(spec)\n---\n"
    }

    static func tier(_ name: String, order: Int) -> String {
        "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: \(name)}\nspec: {order: \(order)}\n---\n"
    }

    /// One rule of one enforced policy, with its path (`spec.ingress[0]`).
    struct Site {
        var policy: CalicoPolicy
        var direction: PolicyDirection
        var index: Int
        var rule: CalicoRule
        var path: String { LintContext.rulePath(direction, index) }
    }

    /// The policies the engine evaluates without `--staged` (enforced, of a defined tier, not
    /// for host endpoints only).
    static func evaluated(_ cluster: Cluster) -> [CalicoPolicy] {
        cluster.calicoEvaluatedPolicies(staged: false).map { cluster.calico.policies[$0] }
    }

    /// Every rule of every evaluated policy, in a direction the policy's `types` name.
    static func sites(_ cluster: Cluster) -> [Site] {
        evaluated(cluster).flatMap { policy in
            PolicyDirection.allCases.filter { policy.types.contains($0) }.flatMap { direction in
                policy.rules(direction).enumerated().map { Site(policy: policy, direction: direction, index: $0, rule: $1) }
            }
        }
    }

    /// Policies of one tier in Calico's evaluation order (order, then name).
    static func ordered(_ policies: [CalicoPolicy]) -> [CalicoPolicy] {
        policies.sorted { CalicoOrder.precedes($0.order, $0.name, $1.order, $1.name) }
    }

    /// Label keys that only host endpoints carry in a Calico cluster: the ones Calico's docs
    /// use for host endpoints and the ones automatic host endpoints copy from their node.
    static let hostEndpointKeys: Set<String> = [
        "host-endpoint", "projectcalico.org/created-by", "kubernetes.io/hostname", "node-role.kubernetes.io/control-plane",
        "node-role.kubernetes.io/master", "node-role.kubernetes.io/worker",
    ]
}

extension LintContext {
    /// Whether a Calico policy applies to a pod's workload endpoint (host-network pods have none).
    /// nil when a service-account selector decides it.
    func calicoApplies(_ policy: CalicoPolicy, to pod: Pod) -> Bool? {
        if pod.hostNetwork { return false }
        switch policy.scope {
        case .namespaced(let ns): if pod.namespace != ns { return false }
        case .global:
            if let nsSelector = policy.namespaceSelector, !nsSelector.matches(namespaceLabels(pod.namespace)) { return false }
        }
        guard policy.selector.matches(calicoLabels(of: pod)) else { return false }
        if let sa = policy.serviceAccountSelector, sa != .all { return nil }
        return true
    }

    /// Whether one side (`source`/`destination`) of a rule of `policy` matches a pod, on
    /// labels, namespaces, service-account names and the pod's addresses; ports are not
    /// looked at. nil when the side has a condition decided elsewhere (Service, account labels).
    func calicoSide(_ side: CalicoEntityRule, of policy: CalicoPolicy, matches pod: Pod) -> Bool? {
        if side.service != nil { return nil }
        if let sa = side.serviceAccountSelector, sa != .all { return nil }
        let labels = calicoLabels(of: pod)
        if !side.nets.isEmpty {
            if pod.ips.isEmpty { return nil }
            if !pod.ips.contains(where: { ip in side.nets.contains { $0.range.contains(ip) } }) { return false }
        }
        if pod.ips.contains(where: { ip in side.notNets.contains { $0.range.contains(ip) } }) { return false }
        if let not = side.notSelector, not.matches(labels) { return false }
        let scoped = side.selector != nil || side.namespaceSelector != nil || side.notSelector != nil || side.serviceAccountNames != nil
        if scoped && !calicoScope(side, of: policy, admits: pod.namespace) { return false }
        if let selector = side.selector, !selector.matches(labels) { return false }
        if let names = side.serviceAccountNames, !names.contains(pod.serviceAccountName) { return false }
        return true
    }

    /// The namespaces a side's selectors reach: its `namespaceSelector` (pods are never
    /// `global()`), else a namespaced policy's own namespace, else every namespace.
    func calicoScope(_ side: CalicoEntityRule, of policy: CalicoPolicy, admits namespace: String) -> Bool {
        if let nsSelector = side.namespaceSelector {
            return nsSelector != .global && nsSelector.matches(namespaceLabels(namespace))
        }
        return policy.namespace.map { $0 == namespace } ?? true
    }

    /// A namespace's labels as a `namespaceSelector` sees them.
    func namespaceLabels(_ name: String) -> [String: String] {
        let labels = cluster.namespaces.first { $0.name == name }?.labels ?? [Namespace.nameLabel: name]
        return CalicoLabels.ofNamespace(name, labels: labels)
    }

    /// The labels of a pod's workload endpoint, as the engine builds them.
    func calicoLabels(of pod: Pod) -> [String: String] {
        let account = cluster.identity.serviceAccounts.first { $0.namespace == pod.namespace && $0.name == pod.serviceAccountName }
        return CalicoLabels.ofPod(
            labels: pod.labels, namespace: pod.namespace,
            namespaceLabels: cluster.namespaces.first { $0.name == pod.namespace }?.labels ?? [Namespace.nameLabel: pod.namespace],
            serviceAccount: pod.serviceAccountName, serviceAccountLabels: account?.labels ?? [:])
    }
}

extension LintRule {
    /// A finding of this rule at a Calico policy (and a field of it).
    func finding(_ message: String, calico policy: CalicoPolicy, field: String? = nil, at location: SourceLocation? = nil) -> LintFinding {
        // "Calico" keeps the name apart from a Kubernetes NetworkPolicy of the same namespace/name.
        let kind = "Calico " + (policy.staged ? "Staged" : "") + (policy.namespace == nil ? "GlobalNetworkPolicy" : "NetworkPolicy")
        return LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: location ?? policy.location,
            object: "\(kind) \(policy.qualifiedName)", fieldPath: field)
    }
}
