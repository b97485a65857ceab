/// Everything the evaluation needs, as loaded and validated. Pure data.
public struct Cluster: Sendable {
    public var namespaces: [Namespace]
    public var pods: [Pod]
    public var policies: [NetworkPolicy]
    public var services: [Service]

    public init(namespaces: [Namespace] = [], pods: [Pod] = [], policies: [NetworkPolicy] = [], services: [Service] = []) {
        self.namespaces = namespaces
        self.pods = pods
        self.policies = policies
        self.services = services
    }

    /// Adds every namespace that a pod or policy references but no manifest declared,
    /// with only the `kubernetes.io/metadata.name` label. Returns the names added.
    @discardableResult
    public mutating func addImplicitNamespaces() -> [String] {
        let known = Set(namespaces.map(\.name))
        let referenced = Set(pods.map(\.namespace)).union(policies.map(\.namespace))
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
