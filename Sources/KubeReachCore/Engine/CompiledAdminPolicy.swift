import BitCollections

/// An ANP or BANP compiled against one cluster: the identities its subject holds, and per
/// rule the peers it matches as a bitset over the engine's universe.
struct CompiledAdminPolicy: Sendable {
    struct Rule: Sendable {
        var action: AdminAction
        var peers: BitSet
        var ports: [AdminPort]
        /// The connections when no port is named.
        var fixedConnections: UInt32
        var hasNamedPorts: Bool
        /// Index of the rule in its direction's list (explanations name it).
        var index: Int
    }

    /// Index into `cluster.adminPolicies`.
    var policyIndex: Int
    var tier: AdminNetworkPolicy.Tier
    var subjects: BitSet
    var ingress: [Rule]
    var egress: [Rule]

    func rules(_ direction: PolicyDirection) -> [Rule] { direction == .ingress ? ingress : egress }
}
