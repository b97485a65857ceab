/// One Cilium ingress/egress (allow or deny) rule: its peers, its L4 ports, and what in it
/// only the running agent can decide (L7, FQDNs, services, groups, authentication).
public struct CiliumRule: Hashable, Sendable {
    /// `fromEndpoints`/`toEndpoints`.
    public var endpoints: [CiliumSelector]
    /// `fromEntities`/`toEntities`.
    public var entities: [CiliumEntity]
    /// `fromCIDR`, `fromCIDRSet` (`cidr` with `except`) and `cidrGroupRef` entries.
    public var cidrs: [CiliumCIDRPeer]
    /// Whether any peer field was written (`from*`/`to*`, `toFQDNs`, `toServices`, `toGroups`):
    /// a rule with none applies to every peer; a written but empty field selects nothing.
    public var hasPeerField: Bool
    /// `toPorts[].ports` flattened; nil when `toPorts` is not written.
    public var ports: [CiliumPort]?
    /// `icmps[].fields` flattened; nil when `icmps` is not written.
    public var icmps: [CiliumICMPField]?
    /// L7 parts (`rules.http`, `rules.kafka`, `rules.dns`, `serverNames`, ...): the ports are
    /// allowed at L3/L4 and filtered further at runtime.
    public var l7: [String]
    /// Peer kinds only the running agent knows (`toFQDNs`, `toServices`, `toGroups`,
    /// `authentication`, entities without loaded members): the rule's verdict on them is
    /// decided at runtime.
    public var runtime: [String]
    public var location: SourceLocation?

    public init(
        endpoints: [CiliumSelector] = [], entities: [CiliumEntity] = [], cidrs: [CiliumCIDRPeer] = [],
        hasPeerField: Bool? = nil, ports: [CiliumPort]? = nil, icmps: [CiliumICMPField]? = nil, l7: [String] = [],
        runtime: [String] = [], location: SourceLocation? = nil
    ) {
        self.endpoints = endpoints
        self.entities = entities
        self.cidrs = cidrs
        self.hasPeerField = hasPeerField ?? !(endpoints.isEmpty && entities.isEmpty && cidrs.isEmpty)
        self.ports = ports
        self.icmps = icmps
        self.l7 = l7
        self.runtime = runtime
        self.location = location
    }

    /// Whether the rule has no L4 part (neither `toPorts` nor `icmps`): it then covers every
    /// protocol, ICMP and other IP protocols included (Cilium's L3-only rule).
    public var isL3Only: Bool { ports == nil && icmps == nil }

    /// The connections the rule covers towards a destination with these container ports
    /// (nil: an address, where named ports match nothing): every protocol for an L3-only
    /// rule, else what its `toPorts` and `icmps` entries cover together.
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        if isL3Only { return .all }
        let ports = (ports ?? []).reduce(ConnectionSet.none) { $0.union($1.connections(destinationPorts: destinationPorts)) }
        return (icmps ?? []).reduce(ports) { $0.union($1.connections) }
    }

    /// The `l7` kind of a `rules.dns` part (how generated policies ask for the DNS proxy).
    public static let dnsProxyKind = "L7 dns"

    public var hasNamedPorts: Bool { ports?.contains { $0.name != nil } ?? false }
}

/// A CIDR peer: a block (with `except`), or a CiliumCIDRGroup by name (with `except`).
public enum CiliumCIDRPeer: Hashable, Sendable {
    case block(IPBlock)
    case group(name: String, except: [CIDR])
}

/// Cilium's reserved identities and their groups, as `fromEntities`/`toEntities` name them.
public enum CiliumEntity: String, Hashable, Sendable, CaseIterable {
    case all, world, cluster, host, ingress, health, unmanaged, none
    case worldIPv4 = "world-ipv4"
    case worldIPv6 = "world-ipv6"
    case remoteNode = "remote-node"
    case kubeAPIServer = "kube-apiserver"
    case initializing = "init"

    /// Entities whose members are never in a loaded manifest (health endpoints, endpoints
    /// still without identity, pods Cilium does not manage, the ingress proxy): a rule on
    /// them is decided at runtime.
    public var hasUnloadedMembers: Bool { [.ingress, .health, .unmanaged, .initializing].contains(self) }
}
