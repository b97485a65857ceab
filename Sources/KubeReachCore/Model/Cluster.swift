/// Everything the evaluation needs, as loaded and validated. Pure data.
public struct Cluster: Sendable, Equatable {
    public var namespaces: [Namespace]
    public var pods: [Pod]
    public var policies: [NetworkPolicy]
    public var services: [Service]
    /// AdminNetworkPolicies, the BaselineAdminNetworkPolicy and ClusterNetworkPolicies of
    /// both tiers, in input order.
    public var adminPolicies: [AdminNetworkPolicy]
    /// Nodes, for the `nodes` peers of admin policies.
    public var nodes: [ClusterNode]
    /// Calico policies, tiers and network sets (`projectcalico.org/v3`).
    public var calico = CalicoObjects()
    /// ServiceAccounts, Secrets' metadata, Roles and bindings (the attack graph's identity side).
    public var identity = IdentityObjects()
    /// CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies, in input order.
    public var ciliumPolicies: [CiliumPolicy] = []
    /// The agent options, agent nodes, API server addresses and CIDR groups Cilium needs.
    public var cilium = CiliumFacts()

    public init(
        namespaces: [Namespace] = [], pods: [Pod] = [], policies: [NetworkPolicy] = [], services: [Service] = [],
        adminPolicies: [AdminNetworkPolicy] = [], nodes: [ClusterNode] = []
    ) {
        self.namespaces = namespaces
        self.pods = pods
        self.policies = policies
        self.services = services
        self.adminPolicies = adminPolicies
        self.nodes = nodes
    }

    /// The Admin tier (ANPs and Admin CNPs merged) in evaluation order (priority, then
    /// v1alpha2 first, then name).
    public var orderedAdminPolicies: [AdminNetworkPolicy] {
        adminPolicies.filter { $0.tier == .admin }.sorted(by: AdminNetworkPolicy.evaluationOrder)
    }

    /// The Baseline tier in evaluation order: Baseline CNPs by priority, then the BANP.
    public var orderedBaselinePolicies: [AdminNetworkPolicy] {
        adminPolicies.filter { $0.tier == .baseline }.sorted(by: AdminNetworkPolicy.evaluationOrder)
    }

    /// Adds every namespace that a pod or policy references but no manifest declared,
    /// with only the `kubernetes.io/metadata.name` label. Returns the names added.
    @discardableResult
    public mutating func addImplicitNamespaces() -> [String] {
        let known = Set(namespaces.map(\.name))
        let referenced = Set(pods.map(\.namespace)).union(policies.map(\.namespace)).union(ciliumPolicies.compactMap(\.namespace))
        let missing = referenced.subtracting(known).sorted()
        namespaces += missing.map { Namespace(name: $0, declared: false) }
        return missing
    }
}

extension Cluster {
    /// The cluster with a deny-all policy (ingress and egress) added to every namespace, to
    /// see what the existing allow rules alone would permit (`--assume-default-deny`).
    public func addingDefaultDeny() -> Cluster {
        var c = self
        c.addImplicitNamespaces()
        let taken = Set(c.policies.map(\.qualifiedName))
        for ns in c.namespaces.map(\.name).sorted() {
            var name = "kubereach-assumed-default-deny"
            while taken.contains("\(ns)/\(name)") { name += "-x" }
            c.policies.append(NetworkPolicy(namespace: ns, name: name, policyTypes: [.ingress, .egress]))
        }
        return c
    }
}
