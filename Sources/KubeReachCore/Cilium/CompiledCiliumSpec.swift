import BitCollections

/// One Cilium rule set compiled against a cluster: the endpoint identities it selects and,
/// per direction it takes part in, its allow and deny rules with peers as bitsets over the
/// engine's columns. `host` and `remote-node` stay flags: they depend on the endpoint's node.
struct CompiledCiliumSpec: Sendable {
    struct Rule: Sendable {
        var peers: BitSet
        var host: Bool
        var remoteNode: Bool
        var rule: CiliumRule
        /// The rule's connections where no port name needs resolving.
        var fixedConnections: UInt32
    }

    struct Direction: Sendable {
        var defaultDeny: Bool
        var allows: [Rule]
        var denies: [Rule]

        var rules: [Rule] { allows + denies }
    }

    /// Index into `cluster.ciliumPolicies`, and of the spec within it.
    var policy: Int
    var spec: Int
    var selected: BitSet
    var ingress: Direction?
    var egress: Direction?

    func direction(_ d: PolicyDirection) -> Direction? { d == .ingress ? ingress : egress }
}

/// What a Cilium row is made of beyond the NetworkPolicies: the rule sets in play, whether
/// the endpoint is in default deny, its node (when `host`/`remote-node` matter) and its
/// port list (when an ingress rule names a port).
struct CiliumRowKey: Hashable, Sendable {
    var specs: [Int]
    var isolated: Bool
    /// Whether Cilium alone (a rule set, or `enable-policy: always`) isolates, and whether a
    /// deny rule applies: what is left when the NetworkPolicies are taken away.
    var ciliumIsolates: Bool
    var hasDenies: Bool
    var node: Int
    var portList: Int
}

/// The compiled Cilium policies and column classes a `RowMaker` needs.
struct CiliumRowData: Sendable {
    var compiled: [CompiledCiliumSpec]
    var columns: CiliumColumns
    var allowLocalhost: Bool
}

extension CiliumRowKey {
    /// The key once no NetworkPolicy selects the identity any more (when `none`): isolated
    /// only if Cilium isolates it; nil when nothing of Cilium applies then.
    func without(networkPolicies none: Bool) -> CiliumRowKey? {
        guard none else { return self }
        var key = self
        key.isolated = ciliumIsolates
        return key.isolated || hasDenies ? key : nil
    }
}
