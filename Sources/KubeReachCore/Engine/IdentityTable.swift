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
