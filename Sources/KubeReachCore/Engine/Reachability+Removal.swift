/// What an identity's row in one direction is made of, before the row is built.
struct RowRecipe: Sendable {
    /// Compiled policy indices selecting it for the direction.
    var policies: [Int]
    /// Compiled ANPs holding it, in evaluation order.
    var admin: [Int]
    /// Compiled Baseline policies holding it (with rules for the direction), in order.
    var baseline: [Int]
    /// Cilium's part of the row, nil without Cilium.
    var cilium: CiliumRowKey? = nil
    /// Calico's part of the row, nil without Calico.
    var calico: CalicoRowKey? = nil
}

/// A policy, or one rule of one, left out of a cluster (indices into `cluster.policies`).
public enum PolicyRemoval: Hashable, Sendable {
    case policy(Int)
    case rule(policy: Int, direction: PolicyDirection, index: Int)

    var policy: Int {
        switch self {
        case .policy(let p), .rule(let p, _, _): p
        }
    }
}

extension Reachability {
    /// Whether leaving out the policy or rule changes any connection between two pods, or
    /// between a pod and an external address, compared on this cluster's identities and
    /// address ranges (which stay fine enough: removing can merge identities, never split
    /// them). Only the rows of the identities the policy selects are rebuilt.
    ///
    /// - Complexity: O(selected identities × (identities + external ranges)) plus building
    ///   their distinct rows; never a whole new `Reachability`.
    public func changes(without removal: PolicyRemoval) -> Bool {
        guard var maker = rowMaker, let ci = compiled.firstIndex(where: { $0.policyIndex == removal.policy }) else { return false }
        let directions: [PolicyDirection]
        switch removal {
        case .policy:
            directions = PolicyDirection.allCases.filter { compiled[ci].rules($0) != nil }
        case .rule(_, let direction, let index):
            guard compiled[ci].rules(direction)?.indices.contains(index) == true else { return false }
            if direction == .ingress { maker.compiled[ci].ingress!.remove(at: index) } else { maker.compiled[ci].egress!.remove(at: index) }
            directions = [direction]
        }
        maker.table = table
        var rows = RemovalRows()
        var made: [RowMaker.Spec: CompactRow] = [:]
        for direction in directions {
            for id in compiled[ci].selected {
                guard let recipe = recipes[direction == .ingress ? 0 : 1][id] else { continue }
                var policies = recipe.policies
                if case .policy = removal { policies.removeAll { $0 == ci } }
                let cilium = recipe.cilium?.without(networkPolicies: policies.isEmpty)
                var row: CompactRow?
                let calico = recipe.calico.flatMap { $0.policies.isEmpty ? nil : $0 }
                if !policies.isEmpty || !recipe.admin.isEmpty || !recipe.baseline.isEmpty || cilium != nil || calico != nil {
                    let spec = RowMaker.Spec(
                        direction: direction, policies: policies, admin: recipe.admin,
                        baseline: policies.isEmpty || recipe.calico != nil ? recipe.baseline : [],
                        portList: identities.portListOfIdentity[id], cilium: cilium, calico: recipe.calico)
                    row = made[spec] ?? maker.row(spec)
                    made[spec] = row
                }
                if direction == .ingress { rows.ingress.updateValue(row, forKey: id) } else { rows.egress.updateValue(row, forKey: id) }
            }
        }
        return differs(rows, table: &maker.table)
    }

    /// The work `changes(without:)` may do for a policy and each of its rules: selected
    /// identities × (identities + external ranges) × (rules + 1), for callers that bound it.
    public func removalCost(ofPolicy policy: Int) -> Int {
        guard let cp = compiled.first(where: { $0.policyIndex == policy }) else { return 0 }
        let rules = (cp.ingress?.count ?? 0) + (cp.egress?.count ?? 0)
        return cp.selected.count * (identities.count + sourceAtoms.atoms.count + destinationAtoms.atoms.count) * (rules + 1)
    }

    /// Whether some connection differs once the identities' rows are replaced by `rows`.
    private func differs(_ rows: RemovalRows, table: inout ConnectionTable) -> Bool {
        var podsOf = [Int](repeating: 0, count: identities.count)
        for id in identities.identityOfPod { podsOf[id] += 1 }
        func changed(_ s: Int, _ d: Int) -> Bool {
            // A pod never lists itself: an identity with one pod has no pair with itself.
            if s == d && podsOf[s] < 2 { return false }
            let e0 = egressID(from: s, column: d), i0 = ingressID(to: d, column: s)
            let e1 = rows.egress[s].map { $0?[d] ?? ConnectionTable.all } ?? e0
            let i1 = rows.ingress[d].map { $0?[s] ?? ConnectionTable.all } ?? i0
            if e0 == e1 && i0 == i1 { return false }
            return table.intersection(e0, i0) != table.intersection(e1, i1)
        }
        for (d, row) in rows.ingress {
            for s in 0..<identities.count where changed(s, d) { return true }
            for k in sourceAtoms.atoms.indices
            where ingressID(to: d, column: sourceBase + k) != (row?[sourceBase + k] ?? ConnectionTable.all) {
                return true
            }
        }
        for (s, row) in rows.egress {
            for d in 0..<identities.count where changed(s, d) { return true }
            for k in destinationAtoms.atoms.indices
            where egressID(from: s, column: destinationBase + k) != (row?[destinationBase + k] ?? ConnectionTable.all) {
                return true
            }
        }
        return false
    }
}

/// Rebuilt rows by identity: nil when the identity no longer has a row ("everything").
private struct RemovalRows {
    var ingress: [Int: CompactRow?] = [:]
    var egress: [Int: CompactRow?] = [:]
}
