import BitCollections

/// What a Calico policy selects and what each of its rules matches, from the compiled
/// evaluation: the answers `who-selects` and `show-policy` give for Calico.
public struct CalicoPolicySummary: Sendable {
    public struct Rule: Sendable {
        public var direction: PolicyDirection
        public var index: Int
        public var action: CalicoAction
        /// Workloads on the far side (the source in ingress, the destination in egress).
        public var workloads: [String]
        /// External address ranges on the far side.
        public var addresses: [String]
        /// What the rule's protocol and port conditions cover (named ports unresolved).
        public var connections: ConnectionSet
        /// Whether a condition on the near side (the selected endpoint) limits the rule.
        public var nearSideLimited: Bool
        public var runtime: [String]
        public var location: SourceLocation?
    }

    public var tier: String
    public var selected: [String]
    /// The directions the policy applies in (`types`, as written or defaulted).
    public var directions: [PolicyDirection]
    public var rules: [Rule]
}

extension Reachability {
    /// The evaluated Calico policies (indices into `cluster.calico.policies`) that apply to
    /// the pod, in evaluation order, with the directions each applies in.
    public func calicoPoliciesSelecting(pod: Int) -> [(policy: Int, ingress: Bool, egress: Bool)] {
        guard let index = calicoIndex else { return [] }
        let id = identities.identityOfPod[pod]
        return index.data.compiled.compactMap { cp in
            guard cp.selected.contains(id) else { return nil }
            return (cp.policyIndex, cp.ingress != nil, cp.egress != nil)
        }
    }

    /// The tier (name) each evaluated policy sits in, for display.
    public func calicoTier(ofPolicy policy: Int) -> String? {
        guard let index = calicoIndex, let cp = index.data.compiled.first(where: { $0.policyIndex == policy }) else { return nil }
        return index.data.tiers[cp.tier].tier.name
    }

    /// A Calico policy's selection and rules; nil when it is not evaluated (staged without
    /// `--staged`, host endpoints only, an undefined tier).
    public func calicoSummary(ofPolicy policy: Int) -> CalicoPolicySummary? {
        guard let index = calicoIndex, let cp = index.data.compiled.first(where: { $0.policyIndex == policy }) else { return nil }
        func workloads(_ ids: BitSet) -> [String] {
            Set(cluster.pods.indices.filter { ids.contains(identities.identityOfPod[$0]) }.map { cluster.pods[$0].workload.description })
                .sorted()
        }
        var rules: [CalicoPolicySummary.Rule] = []
        for direction in PolicyDirection.allCases {
            for (ri, rule) in (cp.rules(direction) ?? []).enumerated() {
                let atoms = direction == .ingress ? sourceAtoms : destinationAtoms
                let base = direction == .ingress ? sourceBase : destinationBase
                let addresses = atoms.atoms.indices.filter { rule.peers.contains(base + $0) }.map { atoms.atoms[$0].description }
                rules.append(
                    CalicoPolicySummary.Rule(
                        direction: direction, index: ri, action: rule.action, workloads: workloads(rule.peers), addresses: addresses,
                        connections: rule.rule.connections(destinationPorts: nil), nearSideLimited: rule.local != nil,
                        runtime: rule.runtime,
                        location: rule.rule.location))
            }
        }
        return CalicoPolicySummary(
            tier: index.data.tiers[cp.tier].tier.name, selected: workloads(cp.selected),
            directions: PolicyDirection.allCases.filter { cp.rules($0) != nil }, rules: rules)
    }
}
