import BitCollections

/// A policy compiled against one cluster: the identities it selects, and for each rule the
/// peers it matches as a bitset over the engine's universe (pod identities, then external
/// source atoms, then external destination atoms).
struct CompiledPolicy: Sendable {
    struct Rule: Sendable {
        var peers: BitSet
        /// The peers as runs of columns (`ConnectionTable.all` on them, `none` elsewhere),
        /// what compact rows are merged from.
        var runs: CompactRow
        /// The rule's port list as written (named ports resolve per destination).
        var ports: [PolicyPort]
        /// The connections when no port is named (or for external destinations).
        var fixedConnections: UInt32
        var hasNamedPorts: Bool
    }

    var policyIndex: Int
    var selected: BitSet
    var ingress: [Rule]?
    var egress: [Rule]?

    func rules(_ direction: PolicyDirection) -> [Rule]? { direction == .ingress ? ingress : egress }
}

extension [PolicyPort] {
    /// The union of what every entry allows towards a destination (nil: external).
    /// An empty list allows everything.
    func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        if isEmpty { return .all }
        return reduce(ConnectionSet.none) { $0.union($1.connections(destinationPorts: destinationPorts)) }
    }
}
