import BitCollections

/// Selections over the engine's endpoints: identities (workload endpoints only) and
/// network sets (indices into `cluster.calico.networkSets`).
struct CalicoSelection: Hashable, Sendable {
    var identities: BitSet
    var sets: BitSet
}

/// What compiling Calico policies needs besides the builder: label indices and, per
/// network set, the columns whose address lies in it.
struct CalicoCompileContext {
    var endpoints: LabelIndex
    var endpointMask: BitSet
    var sets: LabelIndex
    /// Per network set: identities holding an address in it, source atoms, destination atoms (as columns).
    var setColumns: [BitSet]
    var cache: [CalicoSelector: CalicoSelection] = [:]
    /// Per IP family, the columns of that family (built on first use).
    var families: [IPFamily: BitSet] = [:]

    mutating func select(_ selector: CalicoSelector) -> CalicoSelection {
        if let known = cache[selector] { return known }
        let out = CalicoSelection(
            identities: endpoints.members(matching: selector).intersection(endpointMask), sets: sets.members(matching: selector))
        cache[selector] = out
        return out
    }

    /// The columns whose address is in the selection's IP set: its endpoints' addresses and
    /// the addresses of its network sets.
    mutating func addresses(_ selector: CalicoSelector) -> BitSet {
        let s = select(selector)
        var bits = s.identities
        for set in s.sets { bits.formUnion(setColumns[set]) }
        return bits
    }
}

extension ReachabilityBuilder {
    var calicoActive: Bool { !cluster.isCiliumActive && cluster.isCalicoActive(staged: options.calicoStaged) }

    /// The per-pod part of the identity key under Calico: the service account (its name and
    /// labels are selectable).
    func calicoIdentityPart() -> ((Pod) -> (node: Int, serviceAccount: String?))? {
        guard calicoActive else { return nil }
        return { pod in (-1, pod.serviceAccountName) }
    }

    /// Compiles the evaluated Calico policies and works out the tier list.
    mutating func compileCalico() {
        guard calicoActive else { return }
        var context = calicoContext()
        let tiers = cluster.calicoTiers
        let tierIndex = Dictionary(tiers.enumerated().map { ($1.tier.name, $0) }, uniquingKeysWith: { a, _ in a })
        var nextRule: Int32 = 0
        var compiledPolicies: [CompiledCalicoPolicy] = [], keys: [CalicoSortKey] = []
        for pi in cluster.calicoEvaluatedPolicies(staged: options.calicoStaged) {
            let policy = cluster.calico.policies[pi]
            var cp = CompiledCalicoPolicy(
                policyIndex: pi, tier: tierIndex[policy.tier]!, selected: policySelection(policy, &context), ingress: nil, egress: nil)
            for direction in PolicyDirection.allCases where policy.types.contains(direction) {
                let rules = policy.rules(direction).map { rule -> CompiledCalicoRule in
                    defer { nextRule += 1 }
                    return compileCalicoRule(rule, id: nextRule, policy: policy, direction: direction, &context)
                }
                if direction == .ingress { cp.ingress = rules } else { cp.egress = rules }
            }
            compiledPolicies.append(cp)
            keys.append(CalicoSortKey(tier: cp.tier, order: policy.order, name: policy.name, namespace: policy.namespace ?? ""))
        }
        let order = compiledPolicies.indices.sorted { keys[$0] < keys[$1] }
        let adminTier = tiers.firstIndex { $0.kind == .kubeAdmin } ?? -1
        let baselineTier = tiers.firstIndex { $0.kind == .kubeBaseline } ?? -1
        let adminKeys = adminCompiled.map { c -> CalicoSortKey in
            let p = cluster.adminPolicies[c.policyIndex]
            return CalicoSortKey(
                tier: p.tier == .admin ? adminTier : baselineTier, order: p.priority.map(Double.init), name: p.name, namespace: "")
        }
        calicoData = CalicoRowData(
            compiled: order.map { compiledPolicies[$0] }, tiers: tiers, sortKeys: order.map { keys[$0] },
            defaultTier: tierIndex["default"]!, adminTier: adminTier, baselineTier: baselineTier, adminKeys: adminKeys)
        ingressCalico = Array(repeating: [], count: identities.count)
        egressCalico = Array(repeating: [], count: identities.count)
        for (ci, cp) in calicoData!.compiled.enumerated() {
            for id in cp.selected {
                if cp.ingress != nil { ingressCalico[id].append(ci) }
                if cp.egress != nil { egressCalico[id].append(ci) }
            }
        }
    }

    /// The Calico part of an identity's row key in a direction (nil without Calico).
    func calicoRowKey(_ id: Int, _ direction: PolicyDirection) -> CalicoRowKey? {
        guard let data = calicoData else { return nil }
        let policies = direction == .ingress ? ingressCalico[id] : egressCalico[id]
        var failing: [Int32] = []
        var named = false
        for ci in policies {
            for rule in data.compiled[ci].rules(direction)! {
                if let local = rule.local, !local.contains(id) { failing.append(rule.id) }
                if direction == .ingress && rule.hasNamedPorts { named = true }
            }
        }
        return CalicoRowKey(policies: policies, failingLocal: failing, portList: named ? identities.portListOfIdentity[id] : -1)
    }

    private func calicoContext() -> CalicoCompileContext {
        var accountLabels: [String: [String: String]] = [:]
        for account in cluster.identity.serviceAccounts { accountLabels["\(account.namespace)/\(account.name)"] = account.labels }
        let endpointLabels = identities.keys.map { key -> [String: String] in
            let ns = cluster.namespaces[key.namespace], account = key.serviceAccount ?? "default"
            return CalicoLabels.ofPod(
                labels: key.labels, namespace: ns.name, namespaceLabels: ns.labels, serviceAccount: account,
                serviceAccountLabels: accountLabels["\(ns.name)/\(account)"] ?? [:])
        }
        let namespaceLabels = Dictionary(cluster.namespaces.map { ($0.name, $0.labels) }, uniquingKeysWith: { a, _ in a })
        let sets = cluster.calico.networkSets
        let setColumns = sets.map { set in set.nets.reduce(into: BitSet()) { $0.formUnion(addressColumns($1.range)) } }
        return CalicoCompileContext(
            endpoints: LabelIndex(endpointLabels),
            endpointMask: BitSet(identities.keys.indices.filter { !identities.keys[$0].hostNetwork }),
            sets: LabelIndex(sets.map { CalicoLabels.ofNetworkSet($0, namespaceLabels: namespaceLabels[$0.namespace ?? ""] ?? [:]) }),
            setColumns: setColumns)
    }

    /// Every column whose address lies in the range: identities with a pod address in it,
    /// and the source and destination atoms inside it.
    private func addressColumns(_ range: IPRange) -> BitSet {
        var bits = BitSet()
        for a in globalAtoms.indices(inside: range) { if let ids = identities.identitiesByAtom[a] { bits.formUnion(ids) } }
        for a in sourceAtoms.indices(inside: range) { bits.insert(identities.count + a) }
        for a in destinationAtoms.indices(inside: range) { bits.insert(identities.count + sourceAtoms.atoms.count + a) }
        return bits
    }

    /// Columns of one address family: identities with an address of it (or none known) and atoms of it.
    private func familyColumns(_ family: IPFamily) -> BitSet {
        var bits = BitSet()
        for (id, key) in identities.keys.enumerated()
        where key.ipAtoms.isEmpty || key.ipAtoms.contains(where: { globalAtoms.atoms[$0].family == family }) {
            bits.insert(id)
        }
        for (i, r) in sourceAtoms.atoms.enumerated() where r.family == family { bits.insert(identities.count + i) }
        for (i, r) in destinationAtoms.atoms.enumerated() where r.family == family {
            bits.insert(identities.count + sourceAtoms.atoms.count + i)
        }
        return bits
    }

    /// The workload endpoints a policy applies to: its namespace's (or, for a global policy,
    /// those of the namespaces its `namespaceSelector` picks), then `selector` and `serviceAccountSelector`.
    private func policySelection(_ policy: CalicoPolicy, _ context: inout CalicoCompileContext) -> BitSet {
        var terms = [policy.selector]
        if let ns = policy.namespace { terms.append(.equals(CalicoLabels.namespaceKey, ns)) }
        if let nsSelector = policy.namespaceSelector { terms.append(nsSelector.scopedToNamespaces) }
        if let sa = policy.serviceAccountSelector { terms.append(sa.prefixed(CalicoLabels.serviceAccountPrefix)) }
        return context.select(.and(terms)).identities
    }

    private mutating func compileCalicoRule(
        _ rule: CalicoRule, id: Int32, policy: CalicoPolicy, direction: PolicyDirection, _ context: inout CalicoCompileContext
    ) -> CompiledCalicoRule {
        let universe = identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count
        let peerSide = direction == .ingress ? rule.source : rule.destination
        let localSide = direction == .ingress ? rule.destination : rule.source
        let family = rule.family.map { f in
            if let known = context.families[f] { return known }
            let columns = familyColumns(f)
            context.families[f] = columns
            return columns
        }
        var peers = entityColumns(peerSide, namespace: policy.namespace, &context) ?? BitSet(0..<universe)
        if let family { peers.formIntersection(family) }
        // The far side's columns: identities and the atoms of that side only.
        let sideStart = direction == .ingress ? identities.count : identities.count + sourceAtoms.atoms.count
        let sideEnd = direction == .ingress ? identities.count + sourceAtoms.atoms.count : universe
        peers.formIntersection(BitSet(0..<identities.count).union(BitSet(sideStart..<sideEnd)))
        var local = entityColumns(localSide, namespace: policy.namespace, &context)
        if let family { local = (local ?? BitSet(0..<identities.count)).intersection(family) }
        local = local?.intersection(BitSet(0..<identities.count))
        let runtime = rule.runtimeConditions
        if !runtime.isEmpty { peers = BitSet() }
        return CompiledCalicoRule(
            id: id, action: rule.action, peers: peers, runs: CompactRow(members: peers, value: ConnectionTable.all), local: local,
            fixedConnections: table.intern(rule.connections(destinationPorts: nil)), rule: rule, runtime: runtime)
    }

    /// The columns an entity rule matches by address and selector (nil: no condition), as
    /// libcalico-go combines its fields: `serviceAccounts` and `selector` ANDed, scoped to the
    /// policy's namespace (or the `namespaceSelector`'s namespaces) once any selector field is
    /// used; `notSelector` unscoped; `nets` in one, `notNets` in none.
    private func entityColumns(_ e: CalicoEntityRule, namespace: String?, _ context: inout CalicoCompileContext) -> BitSet? {
        var out: BitSet? = nil
        func restrict(_ bits: BitSet) { out = out.map { $0.intersection(bits) } ?? bits }
        if let positive = e.positiveSelector(policyNamespace: namespace) { restrict(context.addresses(positive)) }
        let universe = identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count
        if let not = e.notSelector { restrict(BitSet(0..<universe).subtracting(context.addresses(not))) }
        if !e.nets.isEmpty { restrict(e.nets.reduce(into: BitSet()) { $0.formUnion(addressColumns($1.range)) }) }
        if !e.notNets.isEmpty {
            restrict(BitSet(0..<universe).subtracting(e.notNets.reduce(into: BitSet()) { $0.formUnion(addressColumns($1.range)) }))
        }
        return out
    }
}

extension CalicoEntityRule {
    /// The one selector libcalico-go builds from `namespaceSelector`, `serviceAccounts` and
    /// `selector` (nil when none applies): `notSelector` is kept apart and never scoped.
    public func positiveSelector(policyNamespace: String?) -> CalicoSelector? {
        var terms: [CalicoSelector] = []
        var account: [CalicoSelector] = []
        if let s = serviceAccountSelector { account.append(s.prefixed(CalicoLabels.serviceAccountPrefix)) }
        if let names = serviceAccountNames, !names.isEmpty {
            account.append(.inSet(CalicoLabels.serviceAccountKey, Array(Set(names)).sorted { $0.utf8Precedes($1) }))
        }
        if !account.isEmpty { terms.append(account.count == 1 ? account[0] : .and(account)) }
        if let selector { terms.append(selector) }
        let scope: CalicoSelector? =
            namespaceSelector.map(\.scopedToNamespaces) ?? policyNamespace.map { .equals(CalicoLabels.namespaceKey, $0) }
        if let scope, !terms.isEmpty || notSelector != nil || namespaceSelector != nil { terms.insert(scope, at: 0) }
        if terms.isEmpty { return nil }
        return terms.count == 1 ? terms[0] : .and(terms)
    }
}

extension CalicoSelector {
    /// A `namespaceSelector` as a selector on endpoints: keys prefixed `pcns.`, `all()` =
    /// `has(projectcalico.org/namespace)`, `global()` its negation (libcalico-go's rewrite).
    public var scopedToNamespaces: CalicoSelector {
        switch self {
        case .all: return .has(CalicoLabels.namespaceKey)
        case .global: return .not(.has(CalicoLabels.namespaceKey))
        case .not(let inner): return .not(inner.scopedToNamespaces)
        case .and(let terms): return .and(terms.map(\.scopedToNamespaces))
        case .or(let terms): return .or(terms.map(\.scopedToNamespaces))
        default: return prefixed(CalicoLabels.namespacePrefix)
        }
    }

    /// The selector with every label key prefixed (`pcsa.` for service-account selectors).
    public func prefixed(_ prefix: String) -> CalicoSelector {
        switch self {
        case .all, .global: return self
        case .has(let k): return .has(prefix + k)
        case .equals(let k, let v): return .equals(prefix + k, v)
        case .notEquals(let k, let v): return .notEquals(prefix + k, v)
        case .contains(let k, let v): return .contains(prefix + k, v)
        case .startsWith(let k, let v): return .startsWith(prefix + k, v)
        case .endsWith(let k, let v): return .endsWith(prefix + k, v)
        case .inSet(let k, let v): return .inSet(prefix + k, v)
        case .notInSet(let k, let v): return .notInSet(prefix + k, v)
        case .not(let inner): return .not(inner.prefixed(prefix))
        case .and(let terms): return .and(terms.map { $0.prefixed(prefix) })
        case .or(let terms): return .or(terms.map { $0.prefixed(prefix) })
        }
    }
}
