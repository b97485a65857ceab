/// A `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy or the cluster's single
/// BaselineAdminNetworkPolicy (Docs/semantics.md §8): cluster-scoped, with ordered rules
/// whose actions decide before (ANP) or after (BANP) the NetworkPolicy tier.
public struct AdminNetworkPolicy: Hashable, Sendable {
    public enum Tier: String, Hashable, Sendable {
        /// AdminNetworkPolicy: before NetworkPolicies, lower priority number first.
        case admin = "ANP"
        /// BaselineAdminNetworkPolicy: after NetworkPolicies, only where none isolates.
        case baseline = "BANP"
    }

    public var tier: Tier
    public var name: String
    /// 0–1000 for an ANP (lower is evaluated first); nil for the BANP.
    public var priority: Int?
    public var subject: AdminSelection
    public var ingress: [AdminRule]
    public var egress: [AdminRule]
    public var location: SourceLocation?

    public init(
        tier: Tier, name: String, priority: Int? = nil, subject: AdminSelection, ingress: [AdminRule] = [],
        egress: [AdminRule] = [], location: SourceLocation? = nil
    ) {
        self.tier = tier
        self.name = name
        self.priority = priority
        self.subject = subject
        self.ingress = ingress
        self.egress = egress
        self.location = location
    }

    public func rules(_ d: PolicyDirection) -> [AdminRule] { d == .ingress ? ingress : egress }

    /// `ANP name` or `BANP default`, as explanations print it.
    public var displayName: String { "\(tier.rawValue) \(name)" }

    /// The order of the ANP tier: priority, then name (same-priority overlaps are
    /// undefined in the API; a stable order keeps answers reproducible, and lint warns).
    public static func evaluationOrder(_ a: AdminNetworkPolicy, _ b: AdminNetworkPolicy) -> Bool {
        (a.priority ?? 0, a.name) < (b.priority ?? 0, b.name)
    }
}

/// Pods chosen by namespace labels, or by namespace and pod labels (ANP `subject`, and the
/// `namespaces`/`pods` peers).
public enum AdminSelection: Hashable, Sendable {
    case namespaces(LabelSelector)
    case pods(namespaces: LabelSelector, pods: LabelSelector)
}

public enum AdminAction: String, Hashable, Sendable {
    case allow = "Allow"
    case deny = "Deny"
    /// ANP only: hand the connection to the NetworkPolicy tier (then the BANP).
    case pass = "Pass"
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
}

public enum AdminPeer: Hashable, Sendable {
    case pods(AdminSelection)
    /// Egress only: addresses (they also match pods whose IP is inside, when the options say so).
    case networks([CIDR])
    /// Egress only: the addresses of the Node objects whose labels match.
    case nodes(LabelSelector)
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

    public init(name: String, labels: [String: String] = [:], addresses: [IPAddress] = []) {
        self.name = name
        self.labels = labels
        self.addresses = addresses
    }
}
