import BitCollections

extension RowMaker {
    /// A row under Calico (Docs/semantics.md, Calico): per column, the plan's steps that
    /// match it decide tier by tier — Allow and Deny end the walk for what they cover, Pass
    /// sends it to the next tier, Log decides nothing; what a tier's steps left undecided
    /// takes the tier's default action (Deny, or Pass on); what passes every tier is
    /// allowed by the profile. Columns with the same matching steps share one decision.
    mutating func calicoRow(_ spec: Spec, _ key: CalicoRowKey, networkPolicies: [UInt32]?) -> [UInt32] {
        let data = calico!
        let plan = CalicoPlan(
            data, direction: spec.direction, key: key, networkPolicies: networkPolicies != nil, admin: admin,
            adminPolicies: spec.admin + spec.baseline)
        var hits = [[Int32]](repeating: [], count: columns)
        for (s, step) in plan.steps.enumerated() {
            switch step.kind {
            case .rule(let ci, let ri):
                for column in data.compiled[ci].rules(spec.direction)![ri].peers { hits[column].append(Int32(s)) }
            case .networkPolicies:
                for column in 0..<columns where networkPolicies![column] != ConnectionTable.none { hits[column].append(Int32(s)) }
            case .admin(let ai, let ri):
                for column in admin[ai].rules(spec.direction)[ri].peers { hits[column].append(Int32(s)) }
            }
        }
        var memo: [[UInt32]: UInt32] = [:]
        var named: [CalicoNamedKey: UInt32] = [:]
        var signature: [UInt32] = []
        var row = [UInt32](repeating: ConnectionTable.none, count: columns)
        for column in 0..<columns {
            signature.removeAll(keepingCapacity: true)
            for s in hits[column] {
                let conn = stepConnections(
                    plan.steps[Int(s)], step: Int(s), spec: spec, column: column, networkPolicies: networkPolicies, &named)
                if conn == ConnectionTable.none { continue }
                signature.append(UInt32(s))
                signature.append(conn)
            }
            if let known = memo[signature] {
                row[column] = known
            } else {
                let value = decide(plan, data, signature)
                memo[signature] = value
                row[column] = value
            }
        }
        return row
    }

    /// Walks the tiers for one column, given the matching steps and their connections
    /// (pairs of step index and interned set, in order).
    mutating func decide(_ plan: CalicoPlan, _ data: CalicoRowData, _ signature: [UInt32]) -> UInt32 {
        var undecided = ConnectionTable.all, allowed = ConnectionTable.none
        var i = 0
        for (t, tier) in plan.tiers.enumerated() {
            var rest = undecided, passed = ConnectionTable.none
            while i < signature.count, plan.steps[Int(signature[i])].tier == t {
                let step = plan.steps[Int(signature[i])], conn = signature[i + 1]
                i += 2
                let matched = table.intersection(rest, conn)
                if matched == ConnectionTable.none || step.action == .log { continue }
                if step.action == .allow { allowed = table.union(allowed, matched) }
                if step.action == .pass { passed = table.union(passed, matched) }
                rest = table.subtracting(rest, matched)
            }
            undecided = data.tiers[tier].tier.defaultAction == .pass ? table.union(passed, rest) : passed
            if undecided == ConnectionTable.none { break }
        }
        return table.union(allowed, undecided)
    }

    /// A step's connections at a column: named ports resolve on the destination — the
    /// identity in ingress, the peer pod in egress (never an external address).
    mutating func stepConnections(
        _ planStep: CalicoPlan.Step, step: Int, spec: Spec, column: Int, networkPolicies: [UInt32]?, _ named: inout [CalicoNamedKey: UInt32]
    ) -> UInt32 {
        let fixed: UInt32, hasNames: Bool
        switch planStep.kind {
        case .networkPolicies: return networkPolicies![column]
        case .rule(let ci, let ri):
            let rule = calico!.compiled[ci].rules(spec.direction)![ri]
            (fixed, hasNames) = (rule.fixedConnections, rule.hasNamedPorts)
        case .admin(let ai, let ri):
            let rule = admin[ai].rules(spec.direction)[ri]
            (fixed, hasNames) = (rule.fixedConnections, rule.hasNamedPorts)
        }
        guard hasNames else { return fixed }
        let portList = spec.direction == .ingress ? spec.portList : column < identities.count ? identities.portListOfIdentity[column] : -1
        guard portList >= 0 else { return fixed }
        let key = CalicoNamedKey(step: step, portList: portList)
        if let known = named[key] { return known }
        let ports = identities.portLists[portList]
        let set: ConnectionSet
        switch planStep.kind {
        case .rule(let ci, let ri): set = calico!.compiled[ci].rules(spec.direction)![ri].rule.connections(destinationPorts: ports)
        case .admin(let ai, let ri): set = AdminRule.connections(of: admin[ai].rules(spec.direction)[ri].ports, destinationPorts: ports)
        case .networkPolicies: set = .none
        }
        let conn = table.intern(set)
        named[key] = conn
        return conn
    }
}

/// A plan step resolved against one destination port list.
struct CalicoNamedKey: Hashable {
    var step: Int
    var portList: Int
}
