import BitCollections

extension ReachabilityBuilder {
    struct RowKey: Hashable {
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
        var parts = Parallel.map(0..<workers) { w -> (rows: [CompactRow], table: ConnectionTable) in
            var local = maker
            local.table = base
            let rows = stride(from: w, to: allSpecs.count, by: workers).map { local.row(allSpecs[$0]) }
            return (rows, local.table)
        }
        let baseCount = UInt32(base.sets.count)
        // Identical rows share one copy (and its memory).
        var shared = Set<CompactRow>()
        var rows = [CompactRow](repeating: CompactRow(filled: ConnectionTable.none), count: specs.count)
        for w in parts.indices {
            // Sets this worker created: intern them once into the shared table.
            let remap = parts[w].table.sets[Int(baseCount)...].map { table.intern($0) }
            let built = parts[w].rows
            parts[w].rows = []
            for (k, row) in built.enumerated() {
                let mapped = remap.isEmpty ? row : row.mapValues { $0 >= baseCount ? remap[Int($0 - baseCount)] : $0 }
                rows[w + k * workers] = shared.insert(mapped).memberAfterInsert
            }
        }
        var newIndex = [Int32](repeating: -1, count: specs.count)
        for (r, spec) in specs.enumerated() {
            if spec.direction == .egress {
                newIndex[r] = Int32(egressRows.count)
                egressRows.append(rows[r])
            } else {
                newIndex[r] = Int32(ingressRows.count)
                ingressRows.append(rows[r])
            }
        }
        for id in ingressRowOfIdentity.indices {
            if ingressRowOfIdentity[id] >= 0 { ingressRowOfIdentity[id] = newIndex[Int(ingressRowOfIdentity[id])] }
            if egressRowOfIdentity[id] >= 0 { egressRowOfIdentity[id] = newIndex[Int(egressRowOfIdentity[id])] }
        }
    }

    /// Whether an ingress rule applying to the identity names a port (resolved on it).
    func namesIngressPorts(policies: [Int], admin: [Int], baseline: [Int]) -> Bool {
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
    /// Egress rules naming ports, as runs of their per-destination connections.
    var namedRuleRows: [NamedRuleKey: CompactRow] = [:]
    var adminNamedMemo: [AdminNamedPortKey: UInt32] = [:]
    var tierMemo: [TierKey: UInt32] = [:]
    var classCache: [ColumnClassKey: Int] = [:]
    var classSets: [ColumnClasses] = []
    /// Cilium's compiled rule sets and column classes (nil without Cilium).
    var cilium: CiliumRowData?
    /// Calico's compiled policies and tiers (nil without Calico).
    var calico: CalicoRowData?
    /// Calico's column classes per plan and the decisions made on them.
    var calicoRuns = CalicoRunCache()

    /// A rule resolved against one destination port list.
    struct NamedPortKey: Hashable {
        var policy: Int
        var rule: Int
        var portList: Int
    }

    /// One rule of a compiled policy (egress).
    struct NamedRuleKey: Hashable {
        var policy: Int
        var rule: Int
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

    /// The row of one key: merged from the rules' runs when only NetworkPolicies apply;
    /// by Calico's column classes under Calico; cell by cell, then compacted, when admin
    /// tiers or Cilium decide per column.
    mutating func row(_ spec: Spec) -> CompactRow {
        if let key = spec.calico { return calicoRunRow(spec, key) }
        guard spec.admin.isEmpty && spec.baseline.isEmpty && spec.cilium == nil && spec.calico == nil else {
            return CompactRow(dense: denseRow(spec))
        }
        return spec.direction == .ingress
            ? compactIngressRow(spec.policies, destinationPorts: identities.portLists[spec.portList])
            : compactEgressRow(spec.policies)
    }

    /// The row of one key, one cell per column (the reference the compact rows are tested against).
    mutating func denseRow(_ spec: Spec) -> [UInt32] {
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
                let conn = ingressConnections(rule, destinationPorts: destinationPorts)
                if conn == ConnectionTable.none { continue }
                for column in rule.peers { row[column] = table.union(row[column], conn) }
            }
        }
        return row
    }

    /// What an isolated source may send, per destination column; named ports resolve on
    /// each destination identity's port list and never on external destinations.
    mutating func egressRow(_ policies: [Int]) -> [UInt32] {
        var row = [UInt32](repeating: ConnectionTable.none, count: columns)
        for ci in policies {
            for (ri, rule) in compiled[ci].egress!.enumerated() {
                for column in rule.peers {
                    let conn = egressConnections(ci, ri, rule, column: column)
                    if conn != ConnectionTable.none { row[column] = table.union(row[column], conn) }
                }
            }
        }
        return row
    }

    /// What one ingress rule allows into a destination with these container ports.
    private mutating func ingressConnections(_ rule: CompiledPolicy.Rule, destinationPorts: [ContainerPort]) -> UInt32 {
        rule.hasNamedPorts ? table.intern(rule.ports.connections(destinationPorts: destinationPorts)) : rule.fixedConnections
    }

    /// `row` with `conn` added (union) on the columns of a rule's peer runs.
    private mutating func adding(_ peers: CompactRow, _ conn: UInt32, to row: CompactRow) -> CompactRow {
        if conn == ConnectionTable.none { return row }
        return row.merged(with: peers) { cell, peer in peer == ConnectionTable.none ? cell : table.union(cell, conn) }
    }

    /// What one egress rule allows towards one of its peer columns.
    private mutating func egressConnections(_ ci: Int, _ ri: Int, _ rule: CompiledPolicy.Rule, column: Int) -> UInt32 {
        guard rule.hasNamedPorts && column < identities.count else { return rule.fixedConnections }
        let portList = identities.portListOfIdentity[column]
        let key = NamedPortKey(policy: ci, rule: ri, portList: portList)
        if let m = namedMemo[key] { return m }
        let conn = table.intern(rule.ports.connections(destinationPorts: identities.portLists[portList]))
        namedMemo[key] = conn
        return conn
    }

    /// `ingressRow` as runs: each rule's peer runs merged in.
    mutating func compactIngressRow(_ policies: [Int], destinationPorts: [ContainerPort]) -> CompactRow {
        var row = CompactRow(filled: ConnectionTable.none)
        for ci in policies {
            for rule in compiled[ci].ingress! {
                row = adding(rule.runs, ingressConnections(rule, destinationPorts: destinationPorts), to: row)
            }
        }
        return row
    }

    /// `egressRow` as runs; a rule naming ports becomes runs of its per-destination
    /// connections once, shared by every row it takes part in.
    mutating func compactEgressRow(_ policies: [Int]) -> CompactRow {
        var row = CompactRow(filled: ConnectionTable.none)
        for ci in policies {
            for (ri, rule) in compiled[ci].egress!.enumerated() {
                if !rule.hasNamedPorts {
                    row = adding(rule.runs, rule.fixedConnections, to: row)
                    continue
                }
                let key = NamedRuleKey(policy: ci, rule: ri)
                let runs: CompactRow
                if let known = namedRuleRows[key] {
                    runs = known
                } else {
                    var builder = CompactRow.Builder()
                    for column in rule.peers { builder.set(column, egressConnections(ci, ri, rule, column: column)) }
                    runs = builder.row
                    namedRuleRows[key] = runs
                }
                row = row.merged(with: runs) { table.union($0, $1) }
            }
        }
        return row
    }
}
