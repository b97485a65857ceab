import BitCollections

extension Cluster {
    /// Whether Cilium semantics apply: the input carries Cilium policies, CiliumNode objects
    /// or the agent's ConfigMap, or the enforcement mode was set.
    public var isCiliumActive: Bool {
        !ciliumPolicies.isEmpty || cilium.agentNodes != nil || cilium.configLoaded || cilium.enforcement != .default
    }

    /// The address ranges Cilium rules cut the address space at, per direction: their CIDRs
    /// (groups resolved), node addresses and the API server's.
    func ciliumRanges(_ direction: PolicyDirection) -> [IPRange] {
        guard isCiliumActive else { return [] }
        var out = (nodes.flatMap(\.addresses) + cilium.apiServerAddresses).map {
            IPRange(family: $0.family, lower: $0.value, upper: $0.value)
        }
        out += cilium.apiServerCIDRs.map(\.range)
        for policy in ciliumPolicies {
            for spec in policy.specs {
                for rule in spec.allows(direction) + spec.denies(direction) {
                    out += rule.cidrs.flatMap { cilium.blocks(of: $0).flatMap(\.ranges) }
                }
            }
        }
        return out
    }
}

extension CiliumFacts {
    /// The blocks a CIDR peer stands for (a group's CIDRs, each minus the peer's `except`
    /// inside it); an unknown group stands for none (the loader warns).
    public func blocks(of peer: CiliumCIDRPeer) -> [IPBlock] {
        switch peer {
        case .block(let b): return [b]
        case .group(let name, let except):
            return (cidrGroups[name] ?? []).map { c in IPBlock(cidr: c, except: except.filter { c.range.contains($0.range) && $0 != c }) }
        }
    }
}

extension ReachabilityBuilder {
    /// The per-pod part of the identity key under Cilium: node and service account.
    func ciliumIdentityPart() -> ((Pod) -> (node: Int, serviceAccount: String?))? {
        guard cluster.isCiliumActive else { return nil }
        let nodes = CiliumNodeTable(cluster: cluster)
        return { pod in (nodes.node(of: pod), pod.serviceAccount) }
    }

    /// Whether a pod is outside Cilium's endpoints but needs its address atoms (CIDR rules
    /// can match it as `world` or as a node).
    func ciliumNeedsAtoms(_ pod: Pod) -> Bool {
        guard cluster.isCiliumActive else { return false }
        return pod.hostNetwork || !(pod.nodeName.map { cluster.cilium.runsAgent(node: $0) } ?? true)
    }

    /// Sorts every column into endpoints, node addresses (per node), the API server and world.
    mutating func classifyCiliumColumns() {
        guard cluster.isCiliumActive else { return }
        let facts = cluster.cilium, table = CiliumNodeTable(cluster: cluster)
        var c = CiliumColumns()
        c.nodeColumns = Array(repeating: BitSet(), count: table.names.count)
        for id in 0..<identities.count {
            let key = identities.keys[id]
            let agent = key.node < 0 || facts.runsAgent(node: table.names[key.node])
            if agent && !key.hostNetwork {
                c.endpoints.insert(id)
            } else if agent {
                if key.node >= 0 { c.nodeColumns[key.node].insert(id) }
                c.allNodes.insert(id)
            } else {
                c.world.insert(id)
                let families = Set(key.ipAtoms.map { globalAtoms.atoms[$0].family })
                if families.isEmpty || families.contains(.v4) { c.worldV4.insert(id) }
                if families.isEmpty || families.contains(.v6) { c.worldV6.insert(id) }
            }
        }
        var nodeOfAddress: [IPAddress: [Int]] = [:]
        for node in cluster.nodes where facts.runsAgent(node: node.name) {
            for a in node.addresses { nodeOfAddress[a, default: []].append(table.index[node.name]!) }
        }
        let api = Set(facts.apiServerAddresses)
        for (atoms, base) in [(sourceAtoms, identities.count), (destinationAtoms, identities.count + sourceAtoms.atoms.count)] {
            for (i, r) in atoms.atoms.enumerated() {
                let single = r.lower == r.upper ? IPAddress(family: r.family, value: r.lower) : nil
                let nodes = single.flatMap { nodeOfAddress[$0] } ?? []
                for n in nodes { c.nodeColumns[n].insert(base + i) }
                if !nodes.isEmpty { c.allNodes.insert(base + i) }
                let isAPI = (single.map { api.contains($0) } ?? false) || facts.apiServerCIDRs.contains { $0.range.contains(r) }
                if isAPI { c.apiServer.insert(base + i) }
                if nodes.isEmpty && !isAPI {
                    c.world.insert(base + i)
                    if r.family == .v4 { c.worldV4.insert(base + i) } else { c.worldV6.insert(base + i) }
                }
            }
        }
        ciliumColumns = c
    }

    /// A NetworkPolicy peer under Cilium: selectors match endpoints only, ipBlocks `world`
    /// only (nodes too with `policy-cidr-match-mode: nodes`).
    func ciliumMasked(_ bits: BitSet, isIPBlock: Bool) -> BitSet {
        guard let c = ciliumColumns else { return bits }
        return bits.intersection(isIPBlock ? cidrTargets(c) : c.endpoints)
    }

    private func cidrTargets(_ c: CiliumColumns) -> BitSet {
        cluster.cilium.cidrMatchesNodes ? c.world.union(c.allNodes).union(c.apiServer) : c.world
    }

    /// Compiles every Cilium rule set (host policies aside) and lists, per identity and
    /// direction, the rule sets that take part.
    mutating func compileCilium() {
        guard let columns = ciliumColumns else { return }
        var labels = identities.keys.map { key in
            CiliumLabels.of(
                podLabels: key.labels, namespace: cluster.namespaces[key.namespace].name,
                namespaceLabels: cluster.namespaces[key.namespace].labels, serviceAccount: key.serviceAccount,
                clusterName: cluster.cilium.clusterName)
        }
        let index = LabelIndex(labels)
        labels = []
        var cache: [LabelSelector: BitSet] = [:]
        func select(_ s: CiliumSelector) -> BitSet {
            if let known = cache[s.selector] { return known }
            let bits = index.members(matching: s.selector).intersection(columns.endpoints)
            cache[s.selector] = bits
            return bits
        }
        for (pi, policy) in cluster.ciliumPolicies.enumerated() {
            let scope = policy.namespace.flatMap { namespaceIndex[$0] }.map { identities.identitiesInNamespace[$0] }
            if policy.namespace != nil && scope == nil { continue }
            for (si, spec) in policy.specs.enumerated() {
                guard let subject = spec.endpointSelector else { continue }
                var selected = select(subject)
                if let scope { selected.formIntersection(scope) }
                var compiledSpec = CompiledCiliumSpec(policy: pi, spec: si, selected: selected)
                for d in PolicyDirection.allCases where spec.affects(d) {
                    var lists: [[CompiledCiliumSpec.Rule]] = [[], []]
                    for (k, rules) in [spec.allows(d), spec.denies(d)].enumerated() {
                        for rule in rules {
                            var compiledRule = compileCiliumRule(rule, direction: d, scope: scope, columns: columns, select: select)
                            compiledRule.fixedConnections = table.intern(rule.connections(destinationPorts: nil))
                            lists[k].append(compiledRule)
                        }
                    }
                    let direction = CompiledCiliumSpec.Direction(defaultDeny: spec.defaultDeny(d), allows: lists[0], denies: lists[1])
                    if d == .ingress { compiledSpec.ingress = direction } else { compiledSpec.egress = direction }
                }
                ciliumCompiled.append(compiledSpec)
            }
        }
        ingressCilium = Array(repeating: [], count: identities.count)
        egressCilium = Array(repeating: [], count: identities.count)
        for (ci, cs) in ciliumCompiled.enumerated() {
            for id in cs.selected {
                if cs.ingress != nil { ingressCilium[id].append(ci) }
                if cs.egress != nil { egressCilium[id].append(ci) }
            }
        }
    }

    private func compileCiliumRule(
        _ rule: CiliumRule, direction: PolicyDirection, scope: BitSet?, columns: CiliumColumns, select: (CiliumSelector) -> BitSet
    ) -> CompiledCiliumSpec.Rule {
        var out = CompiledCiliumSpec.Rule(peers: BitSet(), host: false, remoteNode: false, rule: rule, fixedConnections: 0)
        // `{}` selects nothing; `toPorts`/`icmps` without any peer field apply to every peer.
        if !rule.hasPeerField && rule.isL3Only { return out }
        guard rule.hasPeerField else {
            out.peers = BitSet(0..<(identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count))
            out.host = true
            out.remoteNode = true
            return out
        }
        for selector in rule.endpoints {
            var bits = select(selector)
            if let scope, !selector.namesNamespace { bits.formIntersection(scope) }
            out.peers.formUnion(bits)
        }
        for entity in rule.entities {
            switch entity {
            case .all:
                out.peers.formUnion(BitSet(0..<(identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count)))
                out.host = true
                out.remoteNode = true
            case .world: out.peers.formUnion(columns.world)
            case .worldIPv4: out.peers.formUnion(columns.worldV4)
            case .worldIPv6: out.peers.formUnion(columns.worldV6)
            case .cluster: out.peers.formUnion(columns.cluster)
            case .host: out.host = true
            case .remoteNode: out.remoteNode = true
            case .kubeAPIServer: out.peers.formUnion(columns.apiServer)
            case .ingress, .health, .unmanaged, .initializing, .none: break
            }
        }
        let targets = cidrTargets(columns)
        let atoms = direction == .ingress ? sourceAtoms : destinationAtoms
        let base = direction == .ingress ? identities.count : identities.count + sourceAtoms.atoms.count
        for peer in rule.cidrs {
            for range in cluster.cilium.blocks(of: peer).flatMap(\.ranges) {
                var bits = BitSet(atoms.indices(inside: range).map { base + $0 })
                for a in globalAtoms.indices(inside: range) {
                    if let ids = identities.identitiesByAtom[a] { bits.formUnion(ids) }
                }
                out.peers.formUnion(bits.intersection(targets))
            }
        }
        return out
    }

    /// Whether Cilium enforces nothing on the identity: it is no endpoint (hostNetwork, or on
    /// a node without the agent), or enforcement is `never`. NetworkPolicies do not apply either.
    func ciliumUnenforced(_ id: Int) -> Bool {
        guard let columns = ciliumColumns else { return false }
        return !columns.endpoints.contains(id) || cluster.cilium.enforcement == .never
    }

    /// The Cilium part of an identity's row key in a direction; nil when Cilium leaves the
    /// direction open (not in default deny, no deny rule) or the identity is no endpoint.
    func ciliumRowKey(_ id: Int, _ direction: PolicyDirection, networkPolicies: [Int]) -> CiliumRowKey? {
        guard let columns = ciliumColumns, columns.endpoints.contains(id), cluster.cilium.enforcement != .never else { return nil }
        let specs = direction == .ingress ? ingressCilium[id] : egressCilium[id]
        let parts = specs.map { ciliumCompiled[$0].direction(direction)! }
        let ciliumIsolates = cluster.cilium.enforcement == .always || parts.contains(where: \.defaultDeny)
        let isolated = ciliumIsolates || !networkPolicies.isEmpty
        let hasDenies = parts.contains { !$0.denies.isEmpty }
        guard isolated || hasDenies else { return nil }
        let rules = parts.flatMap(\.rules)
        let localhost = direction == .ingress && isolated && cluster.cilium.allowLocalhost
        let nodeMatters = localhost || rules.contains { $0.host || $0.remoteNode }
        let named = direction == .ingress && rules.contains { $0.rule.hasNamedPorts }
        return CiliumRowKey(
            specs: specs, isolated: isolated, ciliumIsolates: ciliumIsolates, hasDenies: hasDenies,
            node: nodeMatters ? identities.keys[id].node : -1,
            portList: named ? identities.portListOfIdentity[id] : -1)
    }
}
