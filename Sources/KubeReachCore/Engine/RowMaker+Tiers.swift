extension RowMaker {
    /// A row where admin policies take part (Docs/semantics.md §8, §9), per column: the
    /// Admin tier's rules that match it, in order, decide what they cover first (Allow/Accept,
    /// Deny, or Pass down); what is left or passed goes to the NetworkPolicy row when one
    /// isolates the identity, else to the Baseline tier's rules, and what nothing decided
    /// is allowed.
    mutating func tieredRow(_ spec: Spec, networkPolicies: [UInt32]?) -> [UInt32] {
        let set = columnClasses(spec)
        let classes = classSets[set]
        var row = [UInt32](repeating: ConnectionTable.all, count: columns)
        for column in 0..<columns {
            let cls = classes.classOfColumn[column]
            let np = networkPolicies?[column]
            guard cls >= 0 else {
                // No admin rule matches this column: the NetworkPolicy row, else allowed.
                row[column] = networkPolicies?[column] ?? ConnectionTable.all
                continue
            }
            let key = TierKey(set: Int32(set), cls: cls, networkPolicies: np)
            if let known = tierMemo[key] {
                row[column] = known
            } else {
                let value = decide(networkPolicies: np, classes.signatures[Int(cls)])
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
        let namedIngress =
            spec.direction == .ingress && (spec.admin + spec.baseline).contains { admin[$0].ingress.contains(where: \.hasNamedPorts) }
        let key = ColumnClassKey(
            direction: spec.direction, admin: spec.admin, baseline: spec.baseline, portList: namedIngress ? spec.portList : -1)
        if let known = classCache[key] { return known }
        let podColumns = identities.count
        let adminRules = spec.admin.flatMap { ci in admin[ci].rules(spec.direction).map { (ci, $0) } }
        let baselineRules = spec.baseline.flatMap { ci in admin[ci].rules(spec.direction).map { (ci, $0) } }
        var classes = ColumnClasses(classOfColumn: [Int32](repeating: -1, count: columns), signatures: [])
        var classOfSignature: [TierSignature: Int32] = [:]
        var signature = TierSignature()
        for column in 0..<columns {
            signature.admin.removeAll(keepingCapacity: true)
            signature.baseline.removeAll(keepingCapacity: true)
            for (ci, rule) in adminRules where rule.peers.contains(column) {
                signature.admin.append(
                    TierStep(action: rule.action, connections: connections(ci, rule, spec: spec, column: column, podColumns: podColumns)))
            }
            for (ci, rule) in baselineRules where rule.peers.contains(column) {
                signature.baseline.append(
                    TierStep(action: rule.action, connections: connections(ci, rule, spec: spec, column: column, podColumns: podColumns)))
            }
            if signature.isEmpty { continue }
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

    /// Decides one column: the Admin rules that match it, in order (first match per
    /// connection: Allow, Deny, or Pass down); what is left or passed goes to the
    /// NetworkPolicy row value when one isolates the identity (`networkPolicies`), else to
    /// the Baseline rules (Allow and Pass both end in "allowed"); what nothing decided is
    /// allowed.
    private mutating func decide(networkPolicies: UInt32?, _ signature: TierSignature) -> UInt32 {
        var undecided = ConnectionTable.all, allowed = ConnectionTable.none, passed = ConnectionTable.none
        for step in signature.admin {
            let decided = table.intersection(undecided, step.connections)
            if decided == ConnectionTable.none { continue }
            switch step.action {
            case .allow: allowed = table.union(allowed, decided)
            case .pass: passed = table.union(passed, decided)
            case .deny: break
            }
            undecided = table.subtracting(undecided, step.connections)
        }
        var rest = table.union(undecided, passed)
        if let networkPolicies { return table.union(allowed, table.intersection(rest, networkPolicies)) }
        for step in signature.baseline {
            if step.action != .deny { allowed = table.union(allowed, table.intersection(rest, step.connections)) }
            rest = table.subtracting(rest, step.connections)
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
    var baseline: [Int]
    /// The subject's port list when an ingress rule names a port, else -1.
    var portList: Int
}

/// Per column, the class of admin rules that match it (-1: none); per class, the rules.
struct ColumnClasses: Sendable {
    var classOfColumn: [Int32]
    var signatures: [TierSignature]
}

/// The admin rules that match one column, in evaluation order: the ANP tier's, then the
/// BANP's (each an action and the interned connections it covers there).
struct TierSignature: Hashable, Sendable {
    var admin: [TierStep] = []
    var baseline: [TierStep] = []

    var isEmpty: Bool { admin.isEmpty && baseline.isEmpty }
}

struct TierStep: Hashable, Sendable {
    var action: AdminAction
    var connections: UInt32
}

/// A decided column: the class set, the class, and the NetworkPolicy row's value there
/// (nil when no NetworkPolicy isolates the identity).
struct TierKey: Hashable, Sendable {
    var set: Int32
    var cls: Int32
    var networkPolicies: UInt32?
}
