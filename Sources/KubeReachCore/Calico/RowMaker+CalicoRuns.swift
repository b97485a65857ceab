import BitCollections

/// What Calico rows built from runs share within one `RowMaker`: per plan, the columns
/// grouped into classes that every step of the plan treats alike, and the decisions taken
/// per class and NetworkPolicy value.
struct CalicoRunCache: Sendable {
    /// Per row spec reduced to what a plan depends on (see `classedPlan`): its plan.
    var planOfKey: [RowMaker.Spec: Int] = [:]
    var plans: [CalicoClassedPlan] = []
    var decisions: [CalicoDecisionKey: UInt32] = [:]
    /// Runs of each admin rule's peers (built on first use).
    var adminRuns: [CalicoAdminRuleKey: CompactRow] = [:]
    /// Identity columns where the port list changes (egress named ports resolve per destination).
    var portListStarts: [UInt32]?
}

/// A plan with its columns in classes: `classes` holds, per column, an index into
/// `signatures`, each the (step, interned connections) pairs of the steps matching there,
/// in step order; the NetworkPolicy step (`networkPolicyStep`, -1 without one) is left out
/// because its value comes from the NetworkPolicy row.
struct CalicoClassedPlan: Sendable {
    var plan: CalicoPlan
    var networkPolicyStep: Int
    var classes: CompactRow
    var signatures: [[UInt32]]
}

/// One decided cell: a plan, a class of its columns, and the NetworkPolicy row's value there.
struct CalicoDecisionKey: Hashable, Sendable {
    var plan: Int32
    var cls: UInt32
    var networkPolicies: UInt32
}

/// An admin rule: its compiled policy, direction and index.
struct CalicoAdminRuleKey: Hashable, Sendable {
    var policy: Int
    var direction: PolicyDirection
    var rule: Int
}

extension RowMaker {
    /// The Calico row of `spec` from runs (the same cells as `calicoRow`): the plan's steps
    /// cut the columns into segments where the same steps match (each rule's peer runs,
    /// entered and left in one sweep); segments with the same matching steps form a class,
    /// found once per plan and shared by every row with that plan. The row is then the
    /// classes merged with the NetworkPolicy row's runs, one tier walk per (class, value).
    mutating func calicoRunRow(_ spec: Spec, _ key: CalicoRowKey) -> CompactRow {
        let networkPolicies: CompactRow? =
            spec.policies.isEmpty
            ? nil
            : spec.direction == .ingress
                ? compactIngressRow(spec.policies, destinationPorts: identities.portLists[spec.portList])
                : compactEgressRow(spec.policies)
        let p = classedPlan(spec, key, networkPolicies: networkPolicies != nil)
        let classes = calicoRuns.plans[p].classes
        guard let networkPolicies else { return classes.mapValues { calicoDecision(p, $0, ConnectionTable.none) } }
        return classes.merged(with: networkPolicies) { calicoDecision(p, $0, $1) }
    }

    /// The tier walk for one class of a plan's columns where the NetworkPolicy row holds `value`.
    private mutating func calicoDecision(_ p: Int, _ cls: UInt32, _ value: UInt32) -> UInt32 {
        let key = CalicoDecisionKey(plan: Int32(p), cls: cls, networkPolicies: value)
        if let known = calicoRuns.decisions[key] { return known }
        let classed = calicoRuns.plans[p]
        var signature = classed.signatures[Int(cls)]
        if classed.networkPolicyStep >= 0 && value != ConnectionTable.none {
            let step = UInt32(classed.networkPolicyStep)
            var at = 0
            while at < signature.count && signature[at] < step { at += 2 }
            signature.insert(contentsOf: [step, value], at: at)
        }
        let decided = decide(classed.plan, calico!, signature)
        calicoRuns.decisions[key] = decided
        return decided
    }

    /// The plan of a row and its column classes, built once per `CalicoPlanKey`.
    private mutating func classedPlan(_ spec: Spec, _ key: CalicoRowKey, networkPolicies: Bool) -> Int {
        let data = calico!
        let adminPolicies = spec.admin + spec.baseline
        let namesIngress =
            spec.direction == .ingress
            && (key.portList >= 0 || adminPolicies.contains { admin[$0].ingress.contains(where: \.hasNamedPorts) })
        // What the plan and its classes depend on: the spec with its NetworkPolicies reduced
        // to whether there are any, and the port list only when an ingress step names a port.
        let planKey = Spec(
            direction: spec.direction, policies: networkPolicies ? [-1] : [], admin: spec.admin, baseline: spec.baseline,
            portList: namesIngress ? spec.portList : -1, calico: key)
        if let known = calicoRuns.planOfKey[planKey] { return known }
        let plan = CalicoPlan(
            data, direction: spec.direction, key: key, networkPolicies: networkPolicies, admin: admin, adminPolicies: adminPolicies)
        let classed = classify(plan, spec)
        calicoRuns.plans.append(classed)
        calicoRuns.planOfKey[planKey] = calicoRuns.plans.count - 1
        return calicoRuns.plans.count - 1
    }

    /// One sweep over the columns: each step's peer runs enter and leave the set of matching
    /// steps; at every boundary the segment's matching steps (with their connections there)
    /// name its class. Egress steps naming ports also cut where the destination's port list changes.
    private mutating func classify(_ plan: CalicoPlan, _ spec: Spec) -> CalicoClassedPlan {
        // (column, step) with a step leaving stored as its complement; UInt32.max marks a cut only.
        var events: [(column: UInt32, step: Int32)] = []
        var networkPolicyStep = -1, namedEgress = false
        for (s, step) in plan.steps.enumerated() {
            let runs: CompactRow, named: Bool
            switch step.kind {
            case .networkPolicies:
                networkPolicyStep = s
                continue
            case .rule(let ci, let ri):
                let rule = calico!.compiled[ci].rules(spec.direction)![ri]
                (runs, named) = (rule.runs, rule.hasNamedPorts)
            case .admin(let ai, let ri):
                (runs, named) = (adminRuleRuns(ai, spec.direction, ri), admin[ai].rules(spec.direction)[ri].hasNamedPorts)
            }
            if named && spec.direction == .egress { namedEgress = true }
            runs.forEachRun(in: 0..<columns) { range, value in
                guard value != ConnectionTable.none else { return }
                events.append((UInt32(range.lowerBound), Int32(s)))
                events.append((UInt32(range.upperBound), ~Int32(s)))
            }
        }
        if namedEgress { events += portListStarts().map { ($0, Int32.max) } }
        events.sort { $0.column < $1.column }
        var active = BitSet()
        var classOfSignature: [[UInt32]: UInt32] = [:]
        var signatures: [[UInt32]] = []
        var classes = CompactRow(filled: 0)
        var signature: [UInt32] = []
        var e = 0, column = 0
        var named: [CalicoNamedKey: UInt32] = [:]
        while column < columns {
            while e < events.count && Int(events[e].column) == column {
                let step = events[e].step
                if step < 0 {
                    active.remove(Int(~step))
                } else if step != Int32.max {
                    active.insert(Int(step))
                }
                e += 1
            }
            signature.removeAll(keepingCapacity: true)
            for s in active {
                let conn = stepConnections(plan.steps[s], step: s, spec: spec, column: column, networkPolicies: nil, &named)
                if conn == ConnectionTable.none { continue }
                signature.append(UInt32(s))
                signature.append(conn)
            }
            let cls: UInt32
            if let known = classOfSignature[signature] {
                cls = known
            } else {
                cls = UInt32(signatures.count)
                signatures.append(signature)
                classOfSignature[signature] = cls
            }
            if column == 0 { classes = CompactRow(filled: cls) } else { classes.append(UInt32(column), cls) }
            column = e < events.count ? Int(events[e].column) : columns
        }
        return CalicoClassedPlan(plan: plan, networkPolicyStep: networkPolicyStep, classes: classes, signatures: signatures)
    }

    /// An admin rule's peers as runs, built once per maker.
    private mutating func adminRuleRuns(_ ai: Int, _ direction: PolicyDirection, _ ri: Int) -> CompactRow {
        let key = CalicoAdminRuleKey(policy: ai, direction: direction, rule: ri)
        if let known = calicoRuns.adminRuns[key] { return known }
        let runs = CompactRow(members: admin[ai].rules(direction)[ri].peers, value: ConnectionTable.all)
        calicoRuns.adminRuns[key] = runs
        return runs
    }

    /// The identity columns where a new port list starts, and the first address column.
    private mutating func portListStarts() -> [UInt32] {
        if let known = calicoRuns.portListStarts { return known }
        let lists = identities.portListOfIdentity
        var starts = lists.indices.dropFirst().filter { lists[$0] != lists[$0 - 1] }.map(UInt32.init)
        starts.append(UInt32(lists.count))
        calicoRuns.portListStarts = starts
        return starts
    }
}
