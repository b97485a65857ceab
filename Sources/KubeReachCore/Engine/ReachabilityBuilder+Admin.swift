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
                    case .pods: break
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

    /// Compiles the ANP tier in evaluation order, then the BANP, and records per identity
    /// which of them hold it as a subject.
    mutating func compileAdminPolicies() {
        let ordered = cluster.adminPolicies.indices
            .filter { cluster.adminPolicies[$0].tier == .admin }
            .sorted { AdminNetworkPolicy.evaluationOrder(cluster.adminPolicies[$0], cluster.adminPolicies[$1]) }
        let baseline = cluster.adminPolicies.indices.first { cluster.adminPolicies[$0].tier == .baseline }
        ingressAdmin = Array(repeating: [], count: identities.count)
        egressAdmin = Array(repeating: [], count: identities.count)
        for pi in ordered + (baseline.map { [$0] } ?? []) {
            let policy = cluster.adminPolicies[pi]
            let compiledPolicy = CompiledAdminPolicy(
                policyIndex: pi, tier: policy.tier, subjects: selection(policy.subject),
                ingress: policy.ingress.enumerated().map { compile($1, index: $0, direction: .ingress) },
                egress: policy.egress.enumerated().map { compile($1, index: $0, direction: .egress) })
            let ci = adminCompiled.count
            adminCompiled.append(compiledPolicy)
            for id in compiledPolicy.subjects where policy.tier == .admin {
                if !compiledPolicy.ingress.isEmpty { ingressAdmin[id].append(ci) }
                if !compiledPolicy.egress.isEmpty { egressAdmin[id].append(ci) }
            }
        }
    }

    /// The baseline policy's compiled index (it is compiled last), if any.
    var baselineCompiledIndex: Int? { adminCompiled.last?.tier == .baseline ? adminCompiled.count - 1 : nil }

    /// Whether the BANP holds the identity and has rules for the direction.
    func baselineHolds(_ id: Int, _ direction: PolicyDirection) -> Bool {
        guard let b = baselineCompiledIndex else { return false }
        return adminCompiled[b].subjects.contains(id) && !adminCompiled[b].rules(direction).isEmpty
    }

    private mutating func selection(_ s: AdminSelection) -> BitSet {
        switch s {
        case .namespaces(let ns):
            return namespaceSelection(ns)
        case .pods(let ns, let pods):
            var bits = namespaceSelection(ns)
            bits.formIntersection(podSelection(pods))
            return bits
        }
    }

    private mutating func compile(_ rule: AdminRule, index: Int, direction: PolicyDirection) -> CompiledAdminPolicy.Rule {
        var peers = BitSet()
        for peer in rule.peers {
            switch peer {
            case .pods(let s):
                peers.formUnion(selection(s))
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
