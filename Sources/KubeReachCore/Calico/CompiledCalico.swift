import BitCollections

/// A Calico rule compiled against one cluster: the columns its far side matches (the
/// source in ingress, the destination in egress), the identities its near side matches
/// (nil: no condition there), and its connections.
struct CompiledCalicoRule: Sendable {
    /// Index in the whole list of compiled rules (row keys name rules whose near side fails).
    var id: Int32
    var action: CalicoAction
    var peers: BitSet
    /// `peers` as runs of columns (`ConnectionTable.all` on them), for rows built by runs.
    var runs: CompactRow
    var local: BitSet?
    /// The connections where no port name needs resolving (and towards addresses).
    var fixedConnections: UInt32
    var rule: CalicoRule
    /// What only the running dataplane decides (`http`, source ports, `services`): such a
    /// rule matches nothing here and explanations say the pair is decided at runtime.
    var runtime: [String]

    var hasNamedPorts: Bool { rule.destination.namesPorts }
}

/// A Calico policy compiled against one cluster.
struct CompiledCalicoPolicy: Sendable {
    /// Index into `cluster.calico.policies`, and into the evaluation's tier list.
    var policyIndex: Int
    var tier: Int
    var selected: BitSet
    /// nil: the policy does not apply in that direction (`types`).
    var ingress: [CompiledCalicoRule]?
    var egress: [CompiledCalicoRule]?

    func rules(_ d: PolicyDirection) -> [CompiledCalicoRule]? { d == .ingress ? ingress : egress }
}

/// One tier of the evaluation: a Calico tier, or where Calico puts the admin tiers.
public struct CalicoTierEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case calico
        /// `kube-admin`: AdminNetworkPolicies and Admin ClusterNetworkPolicies.
        case kubeAdmin
        /// `kube-baseline`: Baseline ClusterNetworkPolicies and the BaselineAdminNetworkPolicy.
        case kubeBaseline
    }

    public var tier: CalicoTier
    public var kind: Kind
}

/// A policy's place in the evaluation: its tier, then `order` (unset last), then name.
struct CalicoSortKey: Sendable {
    var tier: Int
    var order: Double?
    var name: String
    var namespace: String

    static func < (a: CalicoSortKey, b: CalicoSortKey) -> Bool {
        if a.tier != b.tier { return a.tier < b.tier }
        if a.order != b.order || a.name != b.name { return CalicoOrder.precedes(a.order, a.name, b.order, b.name) }
        return a.namespace.utf8Precedes(b.namespace)
    }
}

/// What a row is made of under Calico beyond the NetworkPolicy and admin lists: the
/// compiled Calico policies applying (in evaluation order), the rules among them whose near
/// side fails for the identity, and the identity's port list when a rule resolves a name on it.
struct CalicoRowKey: Hashable, Sendable {
    var policies: [Int]
    var failingLocal: [Int32]
    var portList: Int
}

/// The compiled Calico evaluation a `RowMaker` and explanations need.
struct CalicoRowData: Sendable {
    var compiled: [CompiledCalicoPolicy]
    var tiers: [CalicoTierEntry]
    var sortKeys: [CalicoSortKey]
    var defaultTier: Int
    var adminTier: Int
    var baselineTier: Int
    /// Per compiled admin policy: its place among the policies of its tier.
    var adminKeys: [CalicoSortKey]
}

extension CalicoEntityRule {
    /// Whether `ports` or `notPorts` names a port.
    var namesPorts: Bool {
        (ports + notPorts).contains { if case .named = $0 { true } else { false } }
    }
}
