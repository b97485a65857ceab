/// A `cilium.io/v2` CiliumNetworkPolicy (namespaced) or CiliumClusterwideNetworkPolicy:
/// one or more rule sets (`spec` and every element of `specs`), validated.
public struct CiliumPolicy: Hashable, Sendable {
    /// The policy's namespace; nil for a CiliumClusterwideNetworkPolicy.
    public var namespace: String?
    public var name: String
    public var specs: [CiliumSpec]
    public var location: SourceLocation?

    public init(namespace: String?, name: String, specs: [CiliumSpec], location: SourceLocation? = nil) {
        self.namespace = namespace
        self.name = name
        self.specs = specs
        self.location = location
    }

    public var isClusterwide: Bool { namespace == nil }

    /// `CiliumNetworkPolicy` or `CiliumClusterwideNetworkPolicy`.
    public var kind: String { isClusterwide ? "CiliumClusterwideNetworkPolicy" : "CiliumNetworkPolicy" }

    /// `ns/name` for a CNP, `name` for a CCNP.
    public var qualifiedName: String { namespace.map { "\($0)/\(name)" } ?? name }

    /// `CNP ns/name` or `CCNP name`: how explanations name it.
    public var displayName: String { (isClusterwide ? "CCNP " : "CNP ") + qualifiedName }
}

/// One rule set of a Cilium policy (`spec` or an element of `specs`).
public struct CiliumSpec: Hashable, Sendable {
    /// nil for a host policy (`nodeSelector`), which is reported and not evaluated.
    public var endpointSelector: CiliumSelector?
    /// Set when the spec selects nodes (a host policy): not modelled.
    public var nodeSelector: CiliumSelector?
    public var ingress: [CiliumRule]
    public var ingressDeny: [CiliumRule]
    public var egress: [CiliumRule]
    public var egressDeny: [CiliumRule]
    /// `enableDefaultDeny.ingress` / `.egress` as written (nil: not written).
    public var defaultDenyIngress: Bool?
    public var defaultDenyEgress: Bool?
    public var location: SourceLocation?

    public init(
        endpointSelector: CiliumSelector?, nodeSelector: CiliumSelector? = nil, ingress: [CiliumRule] = [],
        ingressDeny: [CiliumRule] = [], egress: [CiliumRule] = [], egressDeny: [CiliumRule] = [],
        defaultDenyIngress: Bool? = nil, defaultDenyEgress: Bool? = nil, location: SourceLocation? = nil
    ) {
        self.endpointSelector = endpointSelector
        self.nodeSelector = nodeSelector
        self.ingress = ingress
        self.ingressDeny = ingressDeny
        self.egress = egress
        self.egressDeny = egressDeny
        self.defaultDenyIngress = defaultDenyIngress
        self.defaultDenyEgress = defaultDenyEgress
        self.location = location
    }

    public func allows(_ d: PolicyDirection) -> [CiliumRule] { d == .ingress ? ingress : egress }
    public func denies(_ d: PolicyDirection) -> [CiliumRule] { d == .ingress ? ingressDeny : egressDeny }

    /// Whether the spec has a rule (allow or deny) in the direction: an empty list is none.
    public func hasRules(_ d: PolicyDirection) -> Bool { !allows(d).isEmpty || !denies(d).isEmpty }

    /// Whether the spec puts its endpoints in default deny in the direction: as written,
    /// else true exactly when it has rules there (Cilium's `enableDefaultDeny` default).
    public func defaultDeny(_ d: PolicyDirection) -> Bool {
        (d == .ingress ? defaultDenyIngress : defaultDenyEgress) ?? hasRules(d)
    }

    /// Whether the spec takes part in the direction at all (rules, or default deny asked).
    public func affects(_ d: PolicyDirection) -> Bool { hasRules(d) || defaultDeny(d) }
}
