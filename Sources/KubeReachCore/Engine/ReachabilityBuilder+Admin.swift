import BitCollections

extension ReachabilityBuilder {
    /// Egress destinations that admin policies name by address (`networks`, and the
    /// addresses of the nodes a `nodes` peer selects): they cut the destination atoms.
    func adminDestinationRanges() -> [IPRange] {
        var out: [IPRange] = []
        for policy in cluster.adminPolicies {
            for rule in policy.egress {
                for peer in rule.peers {
                    switch peer {
                    case .networks(let cidrs): out += cidrs.map(\.range)
                    case .nodes(let selector): out += nodeAddresses(selector).map(Self.single)
                    case .pods, .domainNames, .unrecognized: break
                    }
                }
            }
        }
        return out
    }

    private static func single(_ a: IPAddress) -> IPRange { IPRange(family: a.family, lower: a.value, upper: a.value) }

    private func nodeAddresses(_ selector: LabelSelector) -> [IPAddress] {
        cluster.nodes.filter { selector.matches($0.labels) }.flatMap(\.addresses)
    }

    /// Compiles the Admin tier (ANPs and Admin CNPs) in evaluation order, then the Baseline
    /// tier (Baseline CNPs, then the BANP), and records per identity which Admin policies
    /// hold it as a subject.
    mutating func compileAdminPolicies() {
        let all = cluster.adminPolicies
        func ordered(_ tier: AdminNetworkPolicy.Tier) -> [Int] {
            all.indices.filter { all[$0].tier == tier }.sorted { AdminNetworkPolicy.evaluationOrder(all[$0], all[$1]) }
        }
        ingressAdmin = Array(repeating: [], count: identities.count)
        egressAdmin = Array(repeating: [], count: identities.count)
        for pi in ordered(.admin) + ordered(.baseline) {
            let policy = all[pi]
            let compiledPolicy = CompiledAdminPolicy(
                policyIndex: pi, tier: policy.tier, subjects: selection(policy.subject, api: policy.api),
                ingress: policy.ingress.enumerated().map { compile($1, index: $0, direction: .ingress, api: policy.api) },
                egress: policy.egress.enumerated().map { compile($1, index: $0, direction: .egress, api: policy.api) })
            let ci = adminCompiled.count
            adminCompiled.append(compiledPolicy)
            for id in compiledPolicy.subjects where policy.tier == .admin {
                if !compiledPolicy.ingress.isEmpty { ingressAdmin[id].append(ci) }
                if !compiledPolicy.egress.isEmpty { egressAdmin[id].append(ci) }
            }
        }
    }

    /// The compiled Baseline policies (compiled last, in evaluation order) that hold the
    /// identity and have rules for the direction.
    func baselinesHolding(_ id: Int, _ direction: PolicyDirection) -> [Int] {
        adminCompiled.indices.filter {
            adminCompiled[$0].tier == .baseline && adminCompiled[$0].subjects.contains(id)
                && !adminCompiled[$0].rules(direction).isEmpty
        }
    }

    /// A subject or `pods`/`namespaces` peer; v1alpha2 never selects hostNetwork pods.
    private mutating func selection(_ s: AdminSelection, api: AdminPolicyAPI) -> BitSet {
        var bits: BitSet
        switch s {
        case .namespaces(let ns):
            bits = namespaceSelection(ns)
        case .pods(let ns, let pods):
            bits = namespaceSelection(ns)
            bits.formIntersection(podSelection(pods))
        }
        if api == .v1alpha2 { bits.subtract(BitSet(identities.keys.indices.filter { identities.keys[$0].hostNetwork })) }
        return bits
    }

    private mutating func compile(_ rule: AdminRule, index: Int, direction: PolicyDirection, api: AdminPolicyAPI)
        -> CompiledAdminPolicy.Rule
    {
        var peers = BitSet()
        for peer in rule.peers {
            switch peer {
            case .pods(let s):
                peers.formUnion(selection(s, api: api))
            case .domainNames:
                break
            case .unrecognized:
                // Fail closed: a Deny rule (Pass was turned into Deny) denies every column.
                if rule.action == .deny { peers.formUnion(everyColumn(direction)) }
            case .networks(let cidrs):
                for c in cidrs { peers.formUnion(addressBits(c.range, direction: direction)) }
            case .nodes(let selector):
                for a in nodeAddresses(selector) { peers.formUnion(addressBits(Self.single(a), direction: direction)) }
            }
        }
        return CompiledAdminPolicy.Rule(
            action: rule.action, peers: peers, ports: rule.ports,
            fixedConnections: table.intern(rule.connections(destinationPorts: nil)), hasNamedPorts: rule.hasNamedPorts,
            index: index)
    }

    /// Every identity and every external atom of the direction's side.
    private func everyColumn(_ direction: PolicyDirection) -> BitSet {
        let atoms = direction == .ingress ? sourceAtoms.atoms.count : destinationAtoms.atoms.count
        let base = direction == .ingress ? identities.count : identities.count + sourceAtoms.atoms.count
        return BitSet(0..<identities.count).union(BitSet(base..<(base + atoms)))
    }

    /// External destination atoms inside `range` (egress only: the API has no address
    /// peers in ingress), and the pods holding an address inside: every pod when the
    /// options say ipBlocks match pods, else hostNetwork pods (their address is the node's).
    private func addressBits(_ range: IPRange, direction: PolicyDirection) -> BitSet {
        var bits = BitSet()
        guard direction == .egress else { return bits }
        let base = identities.count + sourceAtoms.atoms.count
        for a in destinationAtoms.indices(inside: range) { bits.insert(base + a) }
        for a in globalAtoms.indices(inside: range) {
            guard let ids = identities.identitiesByAtom[a] else { continue }
            for id in ids where options.ipBlockMatchesPods || identities.keys[id].hostNetwork { bits.insert(id) }
        }
        return bits
    }
}
