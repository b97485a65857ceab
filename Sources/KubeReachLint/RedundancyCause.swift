import KubeReachCore

/// Why a rule changes no connection, for `redundant-rule-or-policy`'s message: the other
/// rules (of any policy selecting the same pods, same direction) that already allow every
/// connection it allows, found pair by pair (selected pod × peer pod or address range) and
/// chosen greedily, most pairs first. nil when no such set exists within the work budget
/// (the rule may be covered by several rules' ports together, or blocked on the other side).
struct RedundancyCause {
    let context: LintContext
    /// Pods that differ in something a rule can see (namespace, labels, ports, addresses):
    /// replicas of one workload count once.
    let representatives: [Int]
    static let budget = 2_000_000

    init(_ context: LintContext) {
        self.context = context
        var seen = Set<PodShape>()
        representatives = context.cluster.pods.indices.filter { seen.insert(PodShape(context.cluster.pods[$0])).inserted }
    }

    /// A rule of a policy: `ns/name spec.ingress[1]`.
    struct RuleRef: Hashable {
        var policy: Int
        var direction: PolicyDirection
        var index: Int
    }

    /// The rules that together allow everything rule `index` of policy `pi` allows, without
    /// the rules of the policies in `excluded` (the policy itself, when it is removed whole).
    func covering(policy pi: Int, _ direction: PolicyDirection, _ index: Int, excluding excluded: Set<Int>) -> [RuleRef]? {
        let cluster = context.cluster
        let policy = cluster.policies[pi]
        let rule = policy.rules(direction)[index]
        let selected = representatives.filter { policy.selects(cluster.pods[$0]) }
        let others = cluster.policies.indices.filter { $0 != pi && !excluded.contains($0) && cluster.policies[$0].affects(direction) }
        var work = 0
        var pairsCovered: [[RuleRef]] = []
        for p in selected {
            let candidates =
                others.filter { cluster.policies[$0].selects(cluster.pods[p]) }.flatMap { q in
                    cluster.policies[q].rules(direction).indices.map { RuleRef(policy: q, direction: direction, index: $0) }
                }
                + policy.rules(direction).indices.filter { $0 != index && !excluded.contains(pi) }.map {
                    RuleRef(policy: pi, direction: direction, index: $0)
                }
            for peer in peers(of: rule, in: policy) {
                work += candidates.count
                guard work <= Self.budget else { return nil }
                let wanted = allowed(rule, selected: p, peer: peer, direction)
                if wanted.isEmpty { continue }
                let covers = candidates.filter { c in
                    let other = cluster.policies[c.policy]
                    let r = other.rules(direction)[c.index]
                    return matches(r, in: other, peer) && wanted.isSubset(of: allowed(r, selected: p, peer: peer, direction))
                }
                if covers.isEmpty { return nil }
                pairsCovered.append(covers)
            }
        }
        return Self.greedy(pairsCovered)
    }

    /// `ns/name spec.ingress[1]`, as messages name a rule.
    func name(_ r: RuleRef) -> String {
        "\(context.cluster.policies[r.policy].qualifiedName) \(LintContext.rulePath(r.direction, r.index))"
    }

    /// What a rule's peer side is made of: representative pods it matches, and its address ranges.
    enum Peer {
        case pod(Int)
        case range(IPRange)
    }

    private func peers(of rule: PolicyRule, in policy: NetworkPolicy) -> [Peer] {
        let pods = representatives.filter { i in
            rule.peers.isEmpty || rule.peers.contains { context.explainer.matches($0, policyNamespace: policy.namespace, .pod(i)) }
        }
        let ranges: [IPRange] =
            rule.peers.isEmpty
            ? [.everything(.v4), .everything(.v6)]
            : rule.peers.flatMap { peer -> [IPRange] in
                guard case .ipBlock(let block) = peer else { return [] }
                return block.ranges
            }
        return pods.map(Peer.pod) + ranges.map(Peer.range)
    }

    private func matches(_ rule: PolicyRule, in policy: NetworkPolicy, _ peer: Peer) -> Bool {
        if rule.peers.isEmpty { return true }
        switch peer {
        case .pod(let i): return rule.peers.contains { context.explainer.matches($0, policyNamespace: policy.namespace, .pod(i)) }
        case .range(let r):
            return rule.peers.contains { p in
                guard case .ipBlock(let block) = p else { return false }
                return block.ranges.contains { $0.contains(r) }
            }
        }
    }

    /// The connections a rule allows between a selected pod and a peer: its ports resolved
    /// on the destination (the selected pod for ingress, the peer for egress).
    private func allowed(_ rule: PolicyRule, selected p: Int, peer: Peer, _ direction: PolicyDirection) -> ConnectionSet {
        if rule.ports.isEmpty { return .all }
        let ports: [ContainerPort]?
        switch (direction, peer) {
        case (.ingress, _): ports = context.cluster.pods[p].ports
        case (.egress, .pod(let q)): ports = context.cluster.pods[q].ports
        case (.egress, .range): ports = nil
        }
        return rule.ports.reduce(ConnectionSet.none) { $0.union($1.connections(destinationPorts: ports)) }
    }

    /// The fewest rules (greedily) with one in every pair's list, in the order chosen.
    static func greedy(_ pairs: [[RuleRef]]) -> [RuleRef] {
        var open = pairs.map(Set.init)
        var chosen: [RuleRef] = []
        while !open.isEmpty {
            var count: [RuleRef: Int] = [:]
            for s in open { for r in s { count[r, default: 0] += 1 } }
            guard
                let best = count.max(by: {
                    ($0.value, -$0.key.policy, -$0.key.index) < ($1.value, -$1.key.policy, -$1.key.index)
                })?.key
            else { break }
            chosen.append(best)
            open.removeAll { $0.contains(best) }
        }
        return chosen
    }
}

/// What a rule can see of a pod.
private struct PodShape: Hashable {
    var namespace: String
    var labels: [String: String]
    var ports: [ContainerPort]
    var ips: [IPAddress]

    init(_ pod: Pod) {
        namespace = pod.namespace
        labels = pod.labels
        ports = pod.ports
        ips = pod.ips
    }
}
