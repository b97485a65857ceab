import BitCollections

/// Builds a `Reachability`: identities, address atoms, selector index, compiled policies,
/// then one ingress and one egress row per distinct set of applying policies.
struct ReachabilityBuilder {
    var cluster: Cluster
    let options: EvaluationOptions
    var identities: IdentityTable!
    var sourceAtoms = AddressAtoms(cutting: [], families: [])
    var destinationAtoms = AddressAtoms(cutting: [], families: [])
    var compiled: [CompiledPolicy] = []
    var ingressPolicies: [[Int]] = []
    var egressPolicies: [[Int]] = []
    var ingressRowOfIdentity: [Int32] = []
    var egressRowOfIdentity: [Int32] = []
    /// Egress rows (what an isolated source may send to each column) and ingress rows
    /// (what an isolated destination admits from each column), numbered per direction.
    var egressRows: [CompactRow] = []
    var ingressRows: [CompactRow] = []
    var table = ConnectionTable()
    /// Per direction (ingress, egress) and identity, what its row is made of (nil: it has no
    /// row); and the row maker. Both kept for `Reachability.changes(without:)`.
    var recipes: [[RowRecipe?]] = [[], []]
    var rowMaker: RowMaker?

    var adminCompiled: [CompiledAdminPolicy] = []
    /// Per identity and direction: the compiled ANPs whose subject holds it, in order.
    var ingressAdmin: [[Int]] = []
    var egressAdmin: [[Int]] = []

    /// Cilium (nil columns: Cilium semantics do not apply): column classes, compiled rule
    /// sets, and per identity and direction the rule sets taking part.
    var ciliumColumns: CiliumColumns?
    var ciliumCompiled: [CompiledCiliumSpec] = []
    var ingressCilium: [[Int]] = []
    var egressCilium: [[Int]] = []

    /// Calico (nil data: Calico semantics do not apply): the compiled policies and tiers,
    /// and per identity and direction the compiled policies applying, in evaluation order.
    var calicoData: CalicoRowData?
    var ingressCalico: [[Int]] = []
    var egressCalico: [[Int]] = []

    var namespaceIndex: [String: Int] = [:]
    var globalAtoms = AddressAtoms(cutting: [], families: [])
    private var podLabels = LabelIndex([])
    private var namespaceLabels = LabelIndex([])
    private var podSelectorCache: [LabelSelector: BitSet] = [:]
    private var namespaceSelectorCache: [LabelSelector: BitSet] = [:]
    private var universe = 0

    init(cluster: Cluster, options: EvaluationOptions) {
        var c = cluster
        c.addImplicitNamespaces()
        self.cluster = c
        self.options = options
    }

    mutating func build() {
        for (i, ns) in cluster.namespaces.enumerated() where namespaceIndex[ns.name] == nil {
            namespaceIndex[ns.name] = i
        }
        buildAtoms()
        let matchPods = options.ipBlockMatchesPods
        let atoms = globalAtoms
        let ciliumAtoms = cluster.isCiliumActive ? cluster.pods.map(ciliumNeedsAtoms) : []
        let calico = calicoActive
        var podIndex = 0
        identities = IdentityTable(
            pods: cluster.pods, namespaceIndex: namespaceIndex, namespaceCount: cluster.namespaces.count,
            atomsOfPod: { pod in
                defer { podIndex += 1 }
                // hostNetwork pods hold node addresses, which admin `networks` and `nodes` peers match.
                let needed = matchPods || calico || pod.hostNetwork || (!ciliumAtoms.isEmpty && ciliumAtoms[podIndex])
                return needed ? Array(Set(pod.ips.compactMap { atoms.index(of: $0) })).sorted() : []
            }, ciliumPart: ciliumIdentityPart() ?? calicoIdentityPart())
        identities.renumber(namespaceRank: LabelOrder.ranks(cluster.namespaces.map(\.labels)))
        prepareCompilation()
        classifyCiliumColumns()
        compilePolicies()
        compileCilium()
        compileAdminPolicies()
        compileCalico()
        buildRows()
    }

    /// The column count and selector indexes, once identities and atoms are known.
    mutating func prepareCompilation() {
        universe = identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count
        podLabels = LabelIndex(identities.keys.map(\.labels))
        namespaceLabels = LabelIndex(cluster.namespaces.map(\.labels))
    }

    // MARK: atoms

    mutating func buildAtoms() {
        var families: Set<IPFamily> = [.v4]
        families.formUnion(options.extraFamilies)
        var ingressRanges: [IPRange] = [], egressRanges: [IPRange] = []
        for policy in cluster.policies {
            for (direction, rules) in [(PolicyDirection.ingress, policy.ingress), (.egress, policy.egress)] {
                for rule in rules {
                    for case .ipBlock(let block) in rule.peers {
                        families.insert(block.cidr.address.family)
                        if direction == .ingress { ingressRanges += block.ranges } else { egressRanges += block.ranges }
                    }
                }
            }
        }
        for pod in cluster.pods { for ip in pod.ips { families.insert(ip.family) } }
        let adminRanges = adminDestinationRanges()
        for r in adminRanges { families.insert(r.family) }
        egressRanges += adminRanges
        let ciliumRanges = (ingress: cluster.ciliumRanges(.ingress), egress: cluster.ciliumRanges(.egress))
        for r in ciliumRanges.ingress + ciliumRanges.egress { families.insert(r.family) }
        ingressRanges += ciliumRanges.ingress
        egressRanges += ciliumRanges.egress
        let calicoRanges = calicoActive ? cluster.calicoRanges(staged: options.calicoStaged) : []
        for r in calicoRanges { families.insert(r.family) }
        ingressRanges += calicoRanges
        egressRanges += calicoRanges
        // Cluster networks cut the external ranges too (never pods' identities): each range is
        // then wholly a cluster address or not. They add no address family of their own.
        let clusterRanges = options.clusterNetworks.adding(nodesOf: cluster).ranges
        for r in options.additionalCuts { families.insert(r.family) }
        ingressRanges += options.additionalCuts
        egressRanges += options.additionalCuts
        sourceAtoms = AddressAtoms(cutting: ingressRanges + clusterRanges, families: families)
        destinationAtoms = AddressAtoms(cutting: egressRanges + clusterRanges, families: families)
        globalAtoms = AddressAtoms(cutting: ingressRanges + egressRanges, families: families)
    }

    // MARK: compile

    private mutating func compilePolicies() {
        for pi in cluster.policies.indices {
            if let cp = compilePolicy(pi) { compiled.append(cp) }
        }
        listPoliciesPerIdentity()
    }

    /// Policy `pi` of the cluster compiled; nil when its namespace is unknown.
    mutating func compilePolicy(_ pi: Int) -> CompiledPolicy? {
        let policy = cluster.policies[pi]
        guard let ns = namespaceIndex[policy.namespace] else { return nil }
        var selected = identities.identitiesInNamespace[ns]
        selected.formIntersection(podSelection(policy.podSelector))
        selected = ciliumMasked(selected, isIPBlock: false)
        var cp = CompiledPolicy(policyIndex: pi, selected: selected, ingress: nil, egress: nil)
        for direction in PolicyDirection.allCases where policy.affects(direction) {
            let rules = policy.rules(direction).map { rule -> CompiledPolicy.Rule in
                compile(rule, direction: direction, namespace: ns)
            }
            if direction == .ingress { cp.ingress = rules } else { cp.egress = rules }
        }
        return cp
    }

    /// Per identity and direction, the compiled policies selecting it (from `compiled`).
    mutating func listPoliciesPerIdentity() {
        ingressPolicies = Array(repeating: [], count: identities.count)
        egressPolicies = Array(repeating: [], count: identities.count)
        for (ci, cp) in compiled.enumerated() {
            for id in cp.selected {
                if cp.ingress != nil { ingressPolicies[id].append(ci) }
                if cp.egress != nil { egressPolicies[id].append(ci) }
            }
        }
    }

    private mutating func compile(_ rule: PolicyRule, direction: PolicyDirection, namespace: Int) -> CompiledPolicy.Rule {
        var peers = BitSet()
        if rule.peers.isEmpty {
            peers = BitSet(0..<universe)
        } else {
            for peer in rule.peers { peers.formUnion(peerBits(peer, direction: direction, namespace: namespace)) }
        }
        let fixed = table.intern(rule.ports.connections(destinationPorts: nil))
        return CompiledPolicy.Rule(
            peers: peers, runs: CompactRow(members: peers, value: ConnectionTable.all), ports: rule.ports, fixedConnections: fixed,
            hasNamedPorts: rule.ports.contains(where: \.isNamed))
    }

    private mutating func peerBits(_ peer: PolicyPeer, direction: PolicyDirection, namespace: Int) -> BitSet {
        switch peer {
        case .selector(let pods, let namespaces):
            var bits: BitSet
            if let namespaces {
                bits = namespaceSelection(namespaces)
            } else {
                bits = identities.identitiesInNamespace[namespace]
            }
            if let pods { bits.formIntersection(podSelection(pods)) }
            return ciliumMasked(bits, isIPBlock: false)
        case .ipBlock(let block):
            var bits = BitSet()
            let atoms = direction == .ingress ? sourceAtoms : destinationAtoms
            let base = direction == .ingress ? identities.count : identities.count + sourceAtoms.atoms.count
            for range in block.ranges {
                for a in atoms.indices(inside: range) { bits.insert(base + a) }
                if options.ipBlockMatchesPods {
                    for a in globalAtoms.indices(inside: range) {
                        if let ids = identities.identitiesByAtom[a] { bits.formUnion(ids) }
                    }
                }
            }
            return ciliumMasked(bits, isIPBlock: true)
        }
    }

    mutating func podSelection(_ selector: LabelSelector) -> BitSet {
        if let cached = podSelectorCache[selector] { return cached }
        let bits = podLabels.members(matching: selector)
        podSelectorCache[selector] = bits
        return bits
    }

    mutating func namespaceSelection(_ selector: LabelSelector) -> BitSet {
        if let cached = namespaceSelectorCache[selector] { return cached }
        var bits = BitSet()
        for ns in namespaceLabels.members(matching: selector) { bits.formUnion(identities.identitiesInNamespace[ns]) }
        namespaceSelectorCache[selector] = bits
        return bits
    }
}
