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

    /// Every rule of every enforced policy, in a direction the policy's `types` name.
    static func sites(_ cluster: Cluster) -> [Site] {
        cluster.calico.policies.filter { !$0.staged }.flatMap { policy in
            PolicyDirection.allCases.filter { policy.types.contains($0) }.flatMap { direction in
                policy.rules(direction).enumerated().map { Site(policy: policy, direction: direction, index: $0, rule: $1) }
            }
        }
    }

    /// The labels Calico gives a pod's workload endpoint: its own, plus the namespace and
    /// service account it runs as and the orchestrator.
    static func labels(of pod: Pod) -> [String: String] {
        var out = pod.labels
        out["projectcalico.org/namespace"] = pod.namespace
        out["projectcalico.org/orchestrator"] = "k8s"
        out["projectcalico.org/serviceaccount"] = pod.serviceAccountName
        return out
    }

    /// A namespace's labels as Calico's `namespaceSelector` sees them (with `projectcalico.org/name`).
    static func labels(of namespace: Namespace) -> [String: String] {
        var out = namespace.labels
        out["kubernetes.io/metadata.name"] = namespace.name
        out["projectcalico.org/name"] = namespace.name
        return out
    }

    /// Evaluation position of a tier: its index in `orderedTiers`, and its order (nil = last).
    static func tierOrders(_ cluster: Cluster) -> [String: Double?] {
        Dictionary(cluster.calico.orderedTiers.map { ($0.name, $0.order) }, uniquingKeysWith: { a, _ in a })
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
        guard policy.selector.matches(CalicoLint.labels(of: pod)) else { return false }
        if let sa = policy.serviceAccountSelector, sa != .all { return nil }
        return true
    }

    /// Whether one side (`source`/`destination`) of a rule of `policy` matches a pod, on
    /// labels, namespaces, service-account names and the pod's addresses; ports are not
    /// looked at. nil when the side has a condition decided elsewhere (Service, account labels).
    func calicoSide(_ side: CalicoEntityRule, of policy: CalicoPolicy, matches pod: Pod) -> Bool? {
        if side.service != nil { return nil }
        if let sa = side.serviceAccountSelector, sa != .all { return nil }
        let labels = CalicoLint.labels(of: pod)
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

    func namespaceLabels(_ name: String) -> [String: String] {
        CalicoLint.labels(of: cluster.namespaces.first { $0.name == name } ?? Namespace(name: name, declared: false))
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
