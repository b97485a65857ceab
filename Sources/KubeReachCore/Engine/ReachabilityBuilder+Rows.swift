import BitCollections

extension ReachabilityBuilder {
    private struct RowKey: Hashable {
        var direction: PolicyDirection
        var policies: [Int]
        /// Compiled ANPs holding the identity as a subject, in evaluation order.
        var admin: [Int]
        /// Compiled Baseline policies holding it, in evaluation order.
        var baseline: [Int]
        /// The destination's port list when a rule names ports (ingress only), else -1.
        var portList: Int
        /// Cilium's part (rule sets, default deny, node), nil without Cilium.
        var cilium: CiliumRowKey?
        /// Calico's part (policies, failing near sides, port list), nil without Calico.
        var calico: CalicoRowKey? = nil
    }

    /// One row per distinct (direction, applying policies[, port list]); identities that are
    /// not isolated (or are hostNetwork pods) get -1, meaning "everything". Rows are built
    /// on all cores, each worker with its own copy of the connection table; the sets a
    /// worker created are then interned once and its rows remapped.
    mutating func buildRows() {
        var rowOfKey: [RowKey: Int32] = [:]
        var specs: [RowMaker.Spec] = []
        ingressRowOfIdentity = Array(repeating: -1, count: identities.count)
        egressRowOfIdentity = Array(repeating: -1, count: identities.count)
        let bypass = options.hostNetwork == .bypass
        recipes = Array(repeating: Array(repeating: nil, count: identities.count), count: 2)
        for id in 0..<identities.count where !(bypass && identities.keys[id].hostNetwork) {
            for direction in PolicyDirection.allCases {
                let policies = direction == .ingress ? ingressPolicies[id] : egressPolicies[id]
                let admin = direction == .ingress ? ingressAdmin[id] : egressAdmin[id]
                let baseline = baselinesHolding(id, direction)
                let cilium = ciliumRowKey(id, direction, networkPolicies: policies)
                if ciliumUnenforced(id) { continue }
                let calico = calicoRowKey(id, direction)
                if policies.isEmpty && admin.isEmpty && baseline.isEmpty && cilium == nil && calico?.policies.isEmpty != false {
                    continue
                }
                recipes[direction == .ingress ? 0 : 1][id] = RowRecipe(
                    policies: policies, admin: admin, baseline: baseline, cilium: cilium, calico: calico)
                let named = direction == .ingress && namesIngressPorts(policies: policies, admin: admin, baseline: baseline)
                let key = RowKey(
                    direction: direction, policies: policies, admin: admin, baseline: baseline,
                    portList: named ? identities.portListOfIdentity[id] : -1, cilium: cilium, calico: calico)
                let row: Int32
                if let existing = rowOfKey[key] {
                    row = existing
                } else {
                    row = Int32(specs.count)
                    specs.append(
                        RowMaker.Spec(
                            direction: direction, policies: policies, admin: admin,
                            baseline: policies.isEmpty || calico != nil ? baseline : [], portList: identities.portListOfIdentity[id],
                            cilium: cilium, calico: calico))
                    rowOfKey[key] = row
                }
                if direction == .ingress { ingressRowOfIdentity[id] = row } else { egressRowOfIdentity[id] = row }
            }
        }
        var prepared = RowMaker(
            compiled: compiled, admin: adminCompiled, identities: identities,
            columns: identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count)
        if let ciliumColumns {
            prepared.cilium = CiliumRowData(
                compiled: ciliumCompiled, columns: ciliumColumns, allowLocalhost: cluster.cilium.allowLocalhost)
        }
        prepared.calico = calicoData
        let maker = prepared
        rowMaker = maker
        let workers = options.parallel ? max(1, min(Parallel.cores, specs.count / 64 + 1)) : 1
        let base = table, allSpecs = specs
        var parts = Parallel.map(0..<workers) { w -> (rows: [[UInt32]], table: ConnectionTable) in
            var local = maker
            local.table = base
            let rows = stride(from: w, to: allSpecs.count, by: workers).map { local.row(allSpecs[$0]) }
            return (rows, local.table)
        }
        var rows = [[UInt32]](repeating: [], count: specs.count)
        let baseCount = UInt32(base.sets.count)
        for w in parts.indices {
            // Sets this worker created: intern them once into the shared table.
            let remap = parts[w].table.sets[Int(baseCount)...].map { table.intern($0) }
            // Move the rows out so that each is uniquely referenced and remapped in place.
            var built = parts[w].rows
            parts[w].rows = []
            for k in built.indices {
                var row = built[k]
                built[k] = []
                if !remap.isEmpty {
                    for i in row.indices where row[i] >= baseCount { row[i] = remap[Int(row[i] - baseCount)] }
                }
                rows[w + k * workers] = row
            }
        }
        split(&rows, specs: allSpecs, columns: maker.columns)
    }

    /// Separates egress rows (kept row-major) from ingress rows (stored column-major in
    /// blocks), and renumbers each identity's rows within its direction. Rows are released
    /// block by block as they are copied, so the peak stays near one matrix.
    private mutating func split(_ rows: inout [[UInt32]], specs: [RowMaker.Spec], columns: Int) {
        var newIndex = [Int32](repeating: -1, count: specs.count)
        var ingressRows: [Int] = []
        for (r, spec) in specs.enumerated() {
            if spec.direction == .egress {
                newIndex[r] = Int32(egressRows.count)
                egressRows.append(rows[r])
                rows[r] = []
            } else {
                newIndex[r] = Int32(ingressRows.count)
                ingressRows.append(r)
            }
        }
        ingress = IngressBlocks(columns: columns, rowCount: ingressRows.count)
        let size = IngressBlocks.size
        for start in stride(from: 0, to: ingressRows.count, by: size) {
            ingress.appendBlock(rows: min(size, ingressRows.count - start)) { k in
                let r = ingressRows[start + k]
                defer { rows[r] = [] }
                return rows[r]
            }
        }
        for id in ingressRowOfIdentity.indices {
            if ingressRowOfIdentity[id] >= 0 { ingressRowOfIdentity[id] = newIndex[Int(ingressRowOfIdentity[id])] }
            if egressRowOfIdentity[id] >= 0 { egressRowOfIdentity[id] = newIndex[Int(egressRowOfIdentity[id])] }
        }
    }

    /// Whether an ingress rule applying to the identity names a port (resolved on it).
    private func namesIngressPorts(policies: [Int], admin: [Int], baseline: [Int]) -> Bool {
        policies.contains { compiled[$0].ingress!.contains(where: \.hasNamedPorts) }
            || (admin + baseline).contains { adminCompiled[$0].ingress.contains(where: \.hasNamedPorts) }
    }
}

/// Builds rows from compiled policies with its own connection table.
struct RowMaker: Sendable {
    struct Spec: Sendable, Hashable {
        var direction: PolicyDirection
        var policies: [Int]
        /// Compiled ANPs, in evaluation order.
        var admin: [Int]
        /// Compiled Baseline policies that decide (they hold the identity and no
        /// NetworkPolicy isolates it), in evaluation order.
        var baseline: [Int]
        var portList: Int
        var cilium: CiliumRowKey? = nil
        var calico: CalicoRowKey? = nil
    }

    var compiled: [CompiledPolicy]
    let admin: [CompiledAdminPolicy]
    let identities: IdentityTable
    let columns: Int
    var table = ConnectionTable()
    private var namedMemo: [NamedPortKey: UInt32] = [:]
    var adminNamedMemo: [AdminNamedPortKey: UInt32] = [:]
    var tierMemo: [TierKey: UInt32] = [:]
    var classCache: [ColumnClassKey: Int] = [:]
    var classSets: [ColumnClasses] = []
    /// Cilium's compiled rule sets and column classes (nil without Cilium).
    var cilium: CiliumRowData?
    /// Calico's compiled policies and tiers (nil without Calico).
    var calico: CalicoRowData?

    /// A rule resolved against one destination port list.
    struct NamedPortKey: Hashable {
        var policy: Int
        var rule: Int
        var portList: Int
    }

    /// An admin rule (its policy, direction and index) resolved against one port list.
    struct AdminNamedPortKey: Hashable {
        var policy: Int
        var direction: PolicyDirection
        var rule: Int
        var portList: Int
    }

    init(compiled: [CompiledPolicy], admin: [CompiledAdminPolicy], identities: IdentityTable, columns: Int) {
        self.compiled = compiled
        self.admin = admin
        self.identities = identities
        self.columns = columns
    }

    mutating func row(_ spec: Spec) -> [UInt32] {
        let ports = identities.portLists[spec.portList]
        var networkPolicies: [UInt32]? =
            spec.policies.isEmpty
            ? nil : spec.direction == .ingress ? ingressRow(spec.policies, destinationPorts: ports) : egressRow(spec.policies)
        if let key = spec.cilium { networkPolicies = ciliumRow(spec.direction, key, networkPolicies: networkPolicies) }
        if let key = spec.calico { return calicoRow(spec, key, networkPolicies: networkPolicies) }
        if spec.admin.isEmpty && spec.baseline.isEmpty, let networkPolicies { return networkPolicies }
        return tieredRow(spec, networkPolicies: networkPolicies)
    }

    /// What an isolated destination admits, per source column.
    mutating func ingressRow(_ policies: [Int], destinationPorts: [ContainerPort]) -> [UInt32] {
        var row = [UInt32](repeating: ConnectionTable.none, count: columns)
        for ci in policies {
            for rule in compiled[ci].ingress! {
                let conn =
                    rule.hasNamedPorts
                    ? table.intern(rule.ports.connections(destinationPorts: destinationPorts)) : rule.fixedConnections
                if conn == ConnectionTable.none { continue }
                for column in rule.peers { row[column] = table.union(row[column], conn) }
            }
        }
        return row
    }

    /// What an isolated source may send, per destination column; named ports resolve on
    /// each destination identity's port list and never on external destinations.
    mutating func egressRow(_ policies: [Int]) -> [UInt32] {
        let podColumns = identities.count
        var row = [UInt32](repeating: ConnectionTable.none, count: columns)
        for ci in policies {
            for (ri, rule) in compiled[ci].egress!.enumerated() {
                for column in rule.peers {
                    var conn = rule.fixedConnections
                    if rule.hasNamedPorts && column < podColumns {
                        let portList = identities.portListOfIdentity[column]
                        let key = NamedPortKey(policy: ci, rule: ri, portList: portList)
                        if let m = namedMemo[key] {
                            conn = m
                        } else {
                            conn = table.intern(rule.ports.connections(destinationPorts: identities.portLists[portList]))
                            namedMemo[key] = conn
                        }
                    }
                    if conn != ConnectionTable.none { row[column] = table.union(row[column], conn) }
                }
            }
        }
        return row
    }
}
