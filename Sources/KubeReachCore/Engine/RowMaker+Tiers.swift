extension RowMaker {
    /// A row where admin policies take part (Docs/semantics.md §8), per column: the ANP
    /// rules that match it, in order, decide what they cover first (Allow, Deny, or Pass
    /// down); what is left or passed goes to the NetworkPolicy row when one isolates the
    /// identity, else to the BANP's rules, and what nothing decided is allowed.
    mutating func tieredRow(_ spec: Spec, networkPolicies: [UInt32]?) -> [UInt32] {
        let set = columnClasses(spec)
        let classes = classSets[set]
        var row = [UInt32](repeating: ConnectionTable.all, count: columns)
        for column in 0..<columns {
            let cls = classes.classOfColumn[column]
            let np = networkPolicies?[column] ?? UInt32.max
            guard cls >= 0 else {
                // No admin rule matches this column: the NetworkPolicy row, else allowed.
                row[column] = networkPolicies?[column] ?? ConnectionTable.all
                continue
            }
            let key = TierKey(set: Int32(set), cls: cls, networkPolicies: np)
            if let known = tierMemo[key] {
                row[column] = known
            } else {
                let value = decide([np] + classes.signatures[Int(cls)])
                tierMemo[key] = value
                row[column] = value
            }
        }
        return row
    }

    /// Columns grouped by the admin rules (and their resolved ports) that match them, for
    /// one list of admin policies: computed once and shared by every row with that list,
    /// so a row costs one lookup per column.
    private mutating func columnClasses(_ spec: Spec) -> Int {
        let namedIngress = spec.direction == .ingress
            && (spec.admin + (spec.baseline ? baselineIndex.map { [$0] } ?? [] : [])).contains { admin[$0].ingress.contains(where: \.hasNamedPorts) }
        let key = ColumnClassKey(direction: spec.direction, admin: spec.admin, baseline: spec.baseline, portList: namedIngress ? spec.portList : -1)
        if let known = classCache[key] { return known }
        let podColumns = identities.count
        let adminRules = spec.admin.flatMap { ci in admin[ci].rules(spec.direction).map { (ci, $0) } }
        let baselineRules = spec.baseline ? baselineIndex.map { ci in admin[ci].rules(spec.direction).map { (ci, $0) } } ?? [] : []
        var classes = ColumnClasses(classOfColumn: [Int32](repeating: -1, count: columns), signatures: [])
        var classOfSignature: [[UInt32]: Int32] = [:]
        var signature: [UInt32] = []
        for column in 0..<columns {
            signature.removeAll(keepingCapacity: true)
            for (ci, rule) in adminRules where rule.peers.contains(column) {
                signature += [Self.code(rule.action), connections(ci, rule, spec: spec, column: column, podColumns: podColumns)]
            }
            signature.append(UInt32.max)
            for (ci, rule) in baselineRules where rule.peers.contains(column) {
                signature += [Self.code(rule.action), connections(ci, rule, spec: spec, column: column, podColumns: podColumns)]
            }
            if signature.count == 1 { continue }
            if let cls = classOfSignature[signature] {
                classes.classOfColumn[column] = cls
            } else {
                let cls = Int32(classes.signatures.count)
                classes.signatures.append(signature)
                classOfSignature[signature] = cls
                classes.classOfColumn[column] = cls
            }
        }
        classSets.append(classes)
        classCache[key] = classSets.count - 1
        return classSets.count - 1
    }

    private static func code(_ a: AdminAction) -> UInt32 {
        switch a {
        case .allow: 0
        case .deny: 1
        case .pass: 2
        }
    }

    /// Evaluates one encoded column: `[np | max, (action, conn)*, max, (action, conn)*]`
    /// (the NetworkPolicy value, the ANP rules that match in order, the BANP's).
    private mutating func decide(_ key: [UInt32]) -> UInt32 {
        var undecided = ConnectionTable.all, allowed = ConnectionTable.none, passed = ConnectionTable.none
        var i = 1
        while key[i] != UInt32.max {
            let action = key[i], conn = key[i + 1]
            i += 2
            let decided = table.intersection(undecided, conn)
            if decided == ConnectionTable.none { continue }
            if action == 0 { allowed = table.union(allowed, decided) }
            if action == 2 { passed = table.union(passed, decided) }
            undecided = table.subtracting(undecided, conn)
        }
        i += 1
        var rest = table.union(undecided, passed)
        if key[0] != UInt32.max {
            return table.union(allowed, table.intersection(rest, key[0]))
        }
        while i < key.count {
            let action = key[i], conn = key[i + 1]
            i += 2
            if action == 0 { allowed = table.union(allowed, table.intersection(rest, conn)) }
            rest = table.subtracting(rest, conn)
        }
        return table.union(allowed, rest)
    }

    /// A rule's connections at a column: named ports resolve on the destination — the
    /// subject in ingress, the peer pod in egress (never an external address).
    private mutating func connections(
        _ ci: Int, _ rule: CompiledAdminPolicy.Rule, spec: Spec, column: Int, podColumns: Int
    ) -> UInt32 {
        guard rule.hasNamedPorts else { return rule.fixedConnections }
        let portList: Int
        if spec.direction == .ingress {
            portList = spec.portList
        } else if column < podColumns {
            portList = identities.portListOfIdentity[column]
        } else {
            return rule.fixedConnections
        }
        let memoKey = AdminNamedPortKey(policy: ci, direction: spec.direction, rule: rule.index, portList: portList)
        if let m = adminNamedMemo[memoKey] { return m }
        let conn = table.intern(AdminRule.connections(of: rule.ports, destinationPorts: identities.portLists[portList]))
        adminNamedMemo[memoKey] = conn
        return conn
    }
}

/// Which admin policies a row has, for sharing column classes between rows.
struct ColumnClassKey: Hashable, Sendable {
    var direction: PolicyDirection
    var admin: [Int]
    var baseline: Bool
    /// The subject's port list when an ingress rule names a port, else -1.
    var portList: Int
}

/// Per column, the class of admin rules that match it (-1: none); per class, its encoded
/// rules `[(action, conn)*, max, (action, conn)*]`.
struct ColumnClasses: Sendable {
    var classOfColumn: [Int32]
    var signatures: [[UInt32]]
}

struct TierKey: Hashable, Sendable {
    var set: Int32
    var cls: Int32
    var networkPolicies: UInt32
}
