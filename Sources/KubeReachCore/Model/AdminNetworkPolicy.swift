/// The one tiered-policy model of both API versions: a `policy.networking.k8s.io/v1alpha1`
/// AdminNetworkPolicy or the cluster's single BaselineAdminNetworkPolicy (Docs/semantics.md
/// §8), or a `v1alpha2` ClusterNetworkPolicy of either tier (§9): cluster-scoped, with
/// ordered rules whose actions decide before (Admin) or after (Baseline) the NetworkPolicy
/// tier. The engine, the explainer and lint read only this type, so both versions (and a
/// cluster holding both during a migration) are evaluated by one tier engine.
public struct AdminNetworkPolicy: Hashable, Sendable {
    public enum Tier: String, Hashable, Sendable {
        /// AdminNetworkPolicy: before NetworkPolicies, lower priority number first.
        case admin = "ANP"
        /// BaselineAdminNetworkPolicy: after NetworkPolicies, only where none isolates.
        case baseline = "BANP"
    }

    public var tier: Tier
    public var name: String
    /// 0–1000 for an ANP or a CNP of either tier (lower is evaluated first); nil for the BANP.
    public var priority: Int?
    /// The API version the object was written in (names, action words, ordering ties).
    public var api: AdminPolicyAPI
    public var subject: AdminSelection
    public var ingress: [AdminRule]
    public var egress: [AdminRule]
    public var location: SourceLocation?

    public init(
        tier: Tier, name: String, priority: Int? = nil, subject: AdminSelection, ingress: [AdminRule] = [],
        egress: [AdminRule] = [], location: SourceLocation? = nil, api: AdminPolicyAPI = .v1alpha1
    ) {
        self.api = api
        self.tier = tier
        self.name = name
        self.priority = priority
        self.subject = subject
        self.ingress = ingress
        self.egress = egress
        self.location = location
    }

    public func rules(_ d: PolicyDirection) -> [AdminRule] { d == .ingress ? ingress : egress }

    /// `ANP name`, `BANP default` or `CNP/Admin name`, as explanations print it.
    public var displayName: String { "\(tierLabel) \(name)" }

    /// `ANP`, `BANP`, `CNP/Admin` or `CNP/Baseline`: the tier and the API version in one tag.
    public var tierLabel: String { Self.tierLabel(tier, api) }

    public static func tierLabel(_ tier: Tier, _ api: AdminPolicyAPI) -> String {
        api == .v1alpha1 ? tier.rawValue : tier == .admin ? "CNP/Admin" : "CNP/Baseline"
    }

    /// The object's kind as written in manifests.
    public var kind: String {
        api == .v1alpha2 ? "ClusterNetworkPolicy" : tier == .admin ? "AdminNetworkPolicy" : "BaselineAdminNetworkPolicy"
    }

    /// The order within one tier: priority, then the v1alpha2 object before the v1alpha1
    /// one (the successor API wins a tie; the loader warns), then name. The BANP has no
    /// priority and comes after every Baseline CNP. Same-priority overlaps are undefined in
    /// the API; a stable order keeps answers reproducible, and lint warns.
    public static func evaluationOrder(_ a: AdminNetworkPolicy, _ b: AdminNetworkPolicy) -> Bool {
        (a.priority ?? 1001, a.api == .v1alpha2 ? 0 : 1, a.name) < (b.priority ?? 1001, b.api == .v1alpha2 ? 0 : 1, b.name)
    }
}

/// The API version of a tiered admin policy.
public enum AdminPolicyAPI: String, Hashable, Sendable {
    /// AdminNetworkPolicy / BaselineAdminNetworkPolicy.
    case v1alpha1
    /// ClusterNetworkPolicy.
    case v1alpha2
}

/// Pods chosen by namespace labels, or by namespace and pod labels (ANP `subject`, and the
/// `namespaces`/`pods` peers).
public enum AdminSelection: Hashable, Sendable {
    case namespaces(LabelSelector)
    case pods(namespaces: LabelSelector, pods: LabelSelector)
}

public enum AdminAction: String, Hashable, Sendable {
    /// v1alpha1 `Allow`, v1alpha2 `Accept`: allowed for this direction.
    case allow = "Allow"
    case deny = "Deny"
    /// Skip the rest of the tier: from Admin to the NetworkPolicy tier (then Baseline);
    /// from a Baseline CNP to "allowed" (a v1alpha1 BANP has no Pass).
    case pass = "Pass"

    /// The action as the API version spells it (`Accept` in v1alpha2).
    public func word(_ api: AdminPolicyAPI) -> String { self == .allow && api == .v1alpha2 ? "Accept" : rawValue }
}

/// One ANP/BANP rule. A connection matched by an earlier rule of the same policy is
/// decided there; empty `peers` matches nothing (the API requires at least one).
public struct AdminRule: Hashable, Sendable {
    public var name: String
    public var action: AdminAction
    public var peers: [AdminPeer]
    /// nil or empty: every port of every protocol.
    public var ports: [AdminPort]
    public var location: SourceLocation?

    public init(name: String, action: AdminAction, peers: [AdminPeer], ports: [AdminPort] = [], location: SourceLocation? = nil) {
        self.name = name
        self.action = action
        self.peers = peers
        self.ports = ports
        self.location = location
    }

    /// What the rule's ports cover towards a destination (nil: an external address).
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        Self.connections(of: ports, destinationPorts: destinationPorts)
    }

    public static func connections(of ports: [AdminPort], destinationPorts: [ContainerPort]?) -> ConnectionSet {
        if ports.isEmpty { return .all }
        return ports.reduce(ConnectionSet.none) { $0.union($1.connections(destinationPorts: destinationPorts)) }
    }

    public var hasNamedPorts: Bool { ports.contains { if case .named = $0 { true } else { false } } }

    /// The rule as the API says to read a peer with no field the reader knows (§9, fail
    /// closed): an Accept rule keeps matching nothing there; a Deny or Pass rule becomes a
    /// Deny of every connection to or from every peer.
    public func failingClosed() -> AdminRule {
        guard action != .allow, peers.contains(where: \.isUnrecognized) else { return self }
        var rule = self
        rule.action = .deny
        rule.ports = []
        return rule
    }

    /// Whether a peer names domains: its part of the answer is decided at runtime.
    public var hasDomainNames: Bool { peers.contains { if case .domainNames = $0 { true } else { false } } }
}

public enum AdminPeer: Hashable, Sendable {
    case pods(AdminSelection)
    /// Egress only: addresses (they also match pods whose IP is inside, when the options say so).
    case networks([CIDR])
    /// Egress only: the addresses of the Node objects whose labels match.
    case nodes(LabelSelector)
    /// v1alpha2 egress only: DNS names resolved by the plugin at runtime. It matches no
    /// address kubereach knows, and explanations say the answer is decided at runtime.
    case domainNames([String])
    /// A peer with none of the fields the reader knows (its unknown keys): fails closed
    /// (`AdminRule.failingClosed`): nothing in an Accept rule, everything in a Deny rule.
    case unrecognized([String])

    public var isUnrecognized: Bool { if case .unrecognized = self { true } else { false } }
}

public enum AdminPort: Hashable, Sendable {
    case number(NetworkProtocol, Int)
    case range(NetworkProtocol, Int, Int)
    /// A container port name on the destination pod, with whatever protocol it declares.
    case named(String)

    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        switch self {
        case .number(let p, let n): return ConnectionSet(p, PortSet(range: n...n))
        case .range(let p, let a, let b): return ConnectionSet(p, PortSet(range: a...max(a, b)))
        case .named(let name):
            guard let destinationPorts else { return .none }
            return destinationPorts.filter { $0.name == name }.reduce(ConnectionSet.none) {
                $0.union(ConnectionSet($1.proto, PortSet(range: $1.port...$1.port)))
            }
        }
    }
}

/// A Kubernetes Node (named apart from Yams.Node): its labels (for `nodes` peers) and its addresses.
public struct ClusterNode: Hashable, Sendable {
    public var name: String
    public var labels: [String: String]
    public var addresses: [IPAddress]
    /// `spec.podCIDR(s)`: the pod addresses this node assigns (cluster addresses, not internet).
    public var podCIDRs: [CIDR]

    public init(name: String, labels: [String: String] = [:], addresses: [IPAddress] = [], podCIDRs: [CIDR] = []) {
        self.name = name
        self.labels = labels
        self.addresses = addresses
        self.podCIDRs = podCIDRs
    }
}
