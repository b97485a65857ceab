import BitCollections

extension Reachability {
    /// This evaluation with the cluster's NetworkPolicies replaced by `policies`, where only
    /// the policies whose qualified names (`ns/name`) are in `changed` differ (added,
    /// removed or modified). The identities, address atoms and every other object are this
    /// one's; only the policies in `changed` are compiled, and only the rows of the
    /// identities they select (here or there) are built — the others are this evaluation's.
    ///
    /// The answer is the one a fresh `Reachability` of the new cluster gives, on this
    /// evaluation's atoms: so this one must have been built with every ipBlock range of the
    /// changed policies (old and new versions) in `options.additionalCuts`, which then cut
    /// both sides alike (checked). nil when that does not hold or the precondition fails:
    /// Cilium or Calico semantics in play, or a new policy in a namespace this cluster does
    /// not know.
    ///
    /// - Returns: the new evaluation and the identities whose rows may differ.
    /// - Complexity: O(identities + selected identities of every policy) plus compiling the
    ///   changed policies and building the rows of the identities they select.
    func replacingPolicies(_ policies: [NetworkPolicy], changed: Set<String>) -> (
        Reachability, touched: BitSet
    )? {
        guard cilium == nil, calicoIndex == nil, var maker = rowMaker else { return nil }
        var after = cluster
        after.policies = policies
        let known = Set(cluster.namespaces.map(\.name))
        guard policies.allSatisfy({ known.contains($0.namespace) }) else { return nil }
        var builder = ReachabilityBuilder(cluster: after, options: options)
        for (i, ns) in builder.cluster.namespaces.enumerated() where builder.namespaceIndex[ns.name] == nil {
            builder.namespaceIndex[ns.name] = i
        }
        builder.buildAtoms()
        guard builder.sourceAtoms.atoms == sourceAtoms.atoms, builder.destinationAtoms.atoms == destinationAtoms.atoms else { return nil }
        builder.identities = identities
        // Compiled rules hold connection ids: new ones go into this evaluation's table.
        builder.table = table
        builder.prepareCompilation()
        var touched = BitSet()
        var kept: [String: CompiledPolicy] = [:]
        for cp in compiled {
            let name = cluster.policies[cp.policyIndex].qualifiedName
            if changed.contains(name) { touched.formUnion(cp.selected) } else { kept[name] = cp }
        }
        for pi in policies.indices {
            if var cp = kept[policies[pi].qualifiedName] {
                cp.policyIndex = pi
                builder.compiled.append(cp)
            } else if changed.contains(policies[pi].qualifiedName), let cp = builder.compilePolicy(pi) {
                touched.formUnion(cp.selected)
                builder.compiled.append(cp)
            } else if !changed.contains(policies[pi].qualifiedName) {
                return nil  // unchanged by name but not compiled here: not the same cluster
            }
        }
        builder.listPoliciesPerIdentity()
        builder.adminCompiled = maker.admin
        maker.compiled = builder.compiled
        maker.table = builder.table
        var rows = RowsUnderEdit(identities: identities.count)
        for direction in PolicyDirection.allCases {
            for id in 0..<identities.count {
                let slot = direction == .ingress ? 0 : 1
                // hostNetwork pods bypassing policies never have a row; the admin tiers are the same.
                if options.hostNetwork == .bypass && identities.keys[id].hostNetwork { continue }
                let recipe = recipes[slot][id]
                let selecting = direction == .ingress ? builder.ingressPolicies[id] : builder.egressPolicies[id]
                let admin = recipe?.admin ?? [], baseline = recipe?.baseline ?? []
                if selecting.isEmpty && admin.isEmpty && baseline.isEmpty { continue }
                rows.recipes[slot][id] = RowRecipe(policies: selecting, admin: admin, baseline: baseline)
                let named =
                    direction == .ingress && builder.namesIngressPorts(policies: selecting, admin: admin, baseline: baseline)
                let key = ReachabilityBuilder.RowKey(
                    direction: direction, policies: selecting, admin: admin, baseline: baseline,
                    portList: named ? identities.portListOfIdentity[id] : -1, cilium: nil)
                let old = direction == .ingress ? ingressRowOfIdentity[id] : egressRowOfIdentity[id]
                rows.assign(id, key: key) {
                    if !touched.contains(id) && old >= 0 { return direction == .ingress ? ingressRows[Int(old)] : egressRows[Int(old)] }
                    return maker.row(
                        RowMaker.Spec(
                            direction: direction, policies: selecting, admin: admin, baseline: selecting.isEmpty ? baseline : [],
                            portList: identities.portListOfIdentity[id]))
                }
            }
        }
        let next = Reachability(
            cluster: builder.cluster, options: self.options, identities: identities, sourceAtoms: sourceAtoms,
            destinationAtoms: destinationAtoms, compiled: builder.compiled,
            policiesOfIdentity: (builder.ingressPolicies, builder.egressPolicies),
            rows: rows, table: maker.table, rowMaker: maker)
        return (next, touched)
    }

    /// The members of a new evaluation that `replacingPolicies` sets; the rest are as in any.
    private init(
        cluster: Cluster, options: EvaluationOptions, identities: IdentityTable, sourceAtoms: AddressAtoms,
        destinationAtoms: AddressAtoms, compiled: [CompiledPolicy], policiesOfIdentity: (ingress: [[Int]], egress: [[Int]]),
        rows: RowsUnderEdit, table: ConnectionTable, rowMaker: RowMaker
    ) {
        self.cluster = cluster
        self.options = options
        self.identities = identities
        self.sourceAtoms = sourceAtoms
        self.destinationAtoms = destinationAtoms
        self.compiled = compiled
        ingressPolicies = policiesOfIdentity.ingress
        egressPolicies = policiesOfIdentity.egress
        ingressRowOfIdentity = rows.rowOfIdentity[0]
        egressRowOfIdentity = rows.rowOfIdentity[1]
        ingressRows = rows.rows[0]
        egressRows = rows.rows[1]
        self.table = table
        recipes = rows.recipes
        self.rowMaker = rowMaker
        cilium = nil
        calicoIndex = nil
    }
}

/// The rows of an evaluation being derived from another: numbered per distinct row key, as
/// a fresh build numbers them (workload variants compare row numbers), each made once.
private struct RowsUnderEdit {
    /// Per direction (ingress, egress).
    var rows: [[CompactRow]] = [[], []]
    var rowOfIdentity: [[Int32]]
    var recipes: [[RowRecipe?]]
    private var numbers: [ReachabilityBuilder.RowKey: Int32] = [:]

    init(identities: Int) {
        rowOfIdentity = Array(repeating: Array(repeating: -1, count: identities), count: 2)
        recipes = Array(repeating: Array(repeating: nil, count: identities), count: 2)
    }

    /// Gives `id` the row of `key`, made by `make` the first time the key is seen.
    mutating func assign(_ id: Int, key: ReachabilityBuilder.RowKey, make: () -> CompactRow) {
        let slot = key.direction == .ingress ? 0 : 1
        if let known = numbers[key] {
            rowOfIdentity[slot][id] = known
            return
        }
        let number = Int32(rows[slot].count)
        rows[slot].append(make())
        numbers[key] = number
        rowOfIdentity[slot][id] = number
    }
}
