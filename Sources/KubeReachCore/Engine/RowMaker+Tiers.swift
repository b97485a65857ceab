extension RowMaker {
    /// A row where admin policies take part (SEMANTICS.md section 8), per column: the ANP
    /// rules that match it, in order, decide what they cover first (Allow, Deny, or Pass
    /// down); what is left or passed goes to the NetworkPolicy row when one isolates the
    /// identity, else to the BANP's rules, and what nothing decided is allowed.
    mutating func tieredRow(_ spec: Spec, networkPolicies: [UInt32]?) -> [UInt32] {
        let podColumns = identities.count
        let adminRules = spec.admin.flatMap { ci in admin[ci].rules(spec.direction).map { (ci, $0) } }
        let baselineRules = spec.baseline ? baselineIndex.map { ci in admin[ci].rules(spec.direction).map { (ci, $0) } } ?? [] : []
        var row = [UInt32](repeating: ConnectionTable.all, count: columns)
        var key: [UInt32] = []
        for column in 0..<columns {
            key.removeAll(keepingCapacity: true)
            key.append(networkPolicies?[column] ?? UInt32.max)
            for (ci, rule) in adminRules where rule.peers.contains(column) {
                key += [Self.code(rule.action), connections(ci, rule, spec: spec, column: column, podColumns: podColumns)]
            }
            key.append(UInt32.max)
            for (ci, rule) in baselineRules where rule.peers.contains(column) {
                key += [Self.code(rule.action), connections(ci, rule, spec: spec, column: column, podColumns: podColumns)]
            }
            if key.count == 2, let np = networkPolicies {
                row[column] = np[column]
                continue
            }
            if let known = tierMemo[key] {
                row[column] = known
                continue
            }
            let value = decide(key)
            tierMemo[key] = value
            row[column] = value
        }
        return row
    }

    private static func code(_ a: AdminAction) -> UInt32 {
        switch a {
        case .allow: 0
        case .deny: 1
        case .pass: 2
        }
    }

    /// Evaluates one encoded column: `[np | max, (action, conn)*, max, (action, conn)*]`.
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
        let memoKey = NamedPortKey(policy: ci, rule: rule.index + (spec.direction == .ingress ? 0 : 1 << 20), portList: portList)
        if let m = adminNamedMemo[memoKey] { return m }
        let conn = table.intern(AdminRule.connections(of: rule.ports, destinationPorts: identities.portLists[portList]))
        adminNamedMemo[memoKey] = conn
        return conn
    }
}
