import BitCollections

/// Pods grouped into identities: pods that no policy can tell apart (same namespace,
/// labels, container ports, hostNetwork, and ipBlock atoms of their IPs) share one
/// identity, and the engine works on identities only.
struct IdentityTable: Sendable {
    struct Key: Hashable, Sendable {
        var namespace: Int
        var labels: [String: String]
        var ports: [ContainerPort]
        var hostNetwork: Bool
        var ipAtoms: [Int]
        /// Under Cilium: the pod's node index (-1: unplaced) and service account, which
        /// Cilium's identities and `host`/`remote-node` tell apart; else -1 and nil.
        var node = -1
        var serviceAccount: String? = nil
    }

    /// One entry per identity.
    private(set) var keys: [Key] = []
    /// Identity of each pod, by pod index.
    private(set) var identityOfPod: [Int] = []
    /// Distinct container-port lists, and each identity's index into it (named ports
    /// resolve per port list, not per identity).
    private(set) var portLists: [[ContainerPort]] = []
    private(set) var portListOfIdentity: [Int] = []
    /// Identities of each namespace, by namespace index.
    private(set) var identitiesInNamespace: [BitSet]
    /// Identities holding an IP in each global atom.
    private(set) var identitiesByAtom: [Int: BitSet] = [:]

    init(
        pods: [Pod], namespaceIndex: [String: Int], namespaceCount: Int, atomsOfPod: (Pod) -> [Int],
        ciliumPart: ((Pod) -> (node: Int, serviceAccount: String?))? = nil
    ) {
        identitiesInNamespace = Array(repeating: BitSet(), count: namespaceCount)
        var index: [Key: Int] = [:]
        var portIndex: [[ContainerPort]: Int] = [:]
        identityOfPod.reserveCapacity(pods.count)
        for pod in pods {
            let ns = namespaceIndex[pod.namespace] ?? 0
            var key = Key(
                namespace: ns, labels: pod.labels, ports: pod.ports, hostNetwork: pod.hostNetwork,
                ipAtoms: atomsOfPod(pod))
            if let part = ciliumPart?(pod) { (key.node, key.serviceAccount) = part }
            if let id = index[key] {
                identityOfPod.append(id)
                continue
            }
            let id = keys.count
            index[key] = id
            keys.append(key)
            identityOfPod.append(id)
            identitiesInNamespace[ns].insert(id)
            for atom in key.ipAtoms { identitiesByAtom[atom, default: BitSet()].insert(id) }
            if let p = portIndex[pod.ports] {
                portListOfIdentity.append(p)
            } else {
                portIndex[pod.ports] = portLists.count
                portListOfIdentity.append(portLists.count)
                portLists.append(pod.ports)
            }
        }
    }

    var count: Int { keys.count }
}

extension IdentityTable {
    /// Renumbers the identities so that identities a selector is likely to pick together
    /// are neighbours: by namespace in `namespaceRank` order, then by labels
    /// (`LabelOrder`). Rows are runs over identity columns, so this keeps a peer set
    /// such as "every namespace with env=prod" a few runs instead of one per namespace.
    mutating func renumber(namespaceRank: [Int]) {
        let labelRank = LabelOrder.ranks(keys.map(\.labels))
        let order = keys.indices.sorted {
            (namespaceRank[keys[$0].namespace], labelRank[$0], $0) < (namespaceRank[keys[$1].namespace], labelRank[$1], $1)
        }
        var newOf = [Int](repeating: 0, count: order.count)
        for (position, old) in order.enumerated() { newOf[old] = position }
        keys = order.map { keys[$0] }
        portListOfIdentity = order.map { portListOfIdentity[$0] }
        identityOfPod = identityOfPod.map { newOf[$0] }
        identitiesInNamespace = identitiesInNamespace.map { BitSet($0.map { newOf[$0] }) }
        identitiesByAtom = identitiesByAtom.mapValues { BitSet($0.map { newOf[$0] }) }
    }
}

/// An order of label sets that keeps sets sharing common values together: label keys are
/// compared from the one with the fewest distinct values (env, team) to the most (name,
/// hash), so a selector on a coarse label picks a few contiguous ranges.
enum LabelOrder {
    /// The rank of each label set in that order (equal sets share a rank).
    static func ranks(_ sets: [[String: String]]) -> [Int] {
        var values: [String: Set<String>] = [:]
        for set in sets { for (k, v) in set { values[k, default: []].insert(v) } }
        let keys = values.keys.sorted { (values[$0]!.count, $0) < (values[$1]!.count, $1) }
        // A missing key sorts before every value.
        let rows = sets.map { set in keys.map { set[$0].map { "=" + $0 } ?? "" } }
        let sorted = rows.indices.sorted { rows[$0].lexicographicallyPrecedes(rows[$1]) }
        var rank = [Int](repeating: 0, count: sets.count)
        for (position, i) in sorted.enumerated() {
            rank[i] = position > 0 && rows[sorted[position - 1]] == rows[i] ? rank[sorted[position - 1]] : position
        }
        return rank
    }
}
