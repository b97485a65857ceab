/// What a `Reachability` keeps of Calico's compilation to explain one pair.
struct CalicoIndex: Sendable {
    var data: CalicoRowData
    var ingress: [[Int]]
    var egress: [[Int]]
}

extension ReachabilityBuilder {
    /// The Calico index for explanations, nil without Calico.
    var calicoIndex: CalicoIndex? { calicoData.map { CalicoIndex(data: $0, ingress: ingressCalico, egress: egressCalico) } }
}

extension Reachability {
    /// Calico's decisions for two resolved endpoints (egress of the source, then ingress of
    /// the destination), for one pod per side; empty without Calico.
    public func calicoDecisions(from s: ResolvedEndpoint, to d: ResolvedEndpoint) -> [CalicoDecision] {
        guard calicoIndex != nil else { return [] }
        switch (s, d) {
        case (.pods(let a, _), .pods(let b, _)):
            guard let i = a.first, let j = b.first(where: { $0 != i }) ?? b.first else { return [] }
            let si = identities.identityOfPod[i], di = identities.identityOfPod[j]
            return [
                calicoDecision(.egress, subjectPod: i, column: di, destinationPorts: cluster.pods[j].ports),
                calicoDecision(.ingress, subjectPod: j, column: si, destinationPorts: cluster.pods[j].ports),
            ]
        case (.pods(let a, _), .external(let ip)):
            guard let i = a.first, let atom = externalDestinationIndex(of: ip) else { return [] }
            return [calicoDecision(.egress, subjectPod: i, column: destinationBase + atom, destinationPorts: nil)]
        case (.external(let ip), .pods(let b, _)):
            guard let j = b.first, let atom = externalSourceIndex(of: ip) else { return [] }
            return [calicoDecision(.ingress, subjectPod: j, column: sourceBase + atom, destinationPorts: cluster.pods[j].ports)]
        case (.external, .external): return []
        }
    }

    /// Walks the subject's tiers for one column, recording every rule that matched.
    private func calicoDecision(_ direction: PolicyDirection, subjectPod p: Int, column: Int, destinationPorts: [ContainerPort]?)
        -> CalicoDecision
    {
        let index = calicoIndex!, data = index.data
        let id = identities.identityOfPod[p]
        var out = CalicoDecision(direction: direction, subject: cluster.pods[p].qualifiedName, enforced: !cluster.pods[p].hostNetwork)
        guard let recipe = recipes[direction == .ingress ? 0 : 1][id], let key = recipe.calico else {
            out.profileAllowed = .all
            out.allowed = .all
            return out
        }
        let admin = rowMaker!.admin
        let plan = CalicoPlan(
            data, direction: direction, key: key, networkPolicies: !recipe.policies.isEmpty, admin: admin,
            adminPolicies: recipe.admin + recipe.baseline)
        // Named ports resolve on the destination: the subject in ingress, the peer in egress.
        let ports = direction == .ingress ? cluster.pods[p].ports : destinationPorts
        var undecided = ConnectionSet.all, allowed = ConnectionSet.none
        var s = 0
        for (t, tierIndex) in plan.tiers.enumerated() {
            let tier = data.tiers[tierIndex].tier
            var walk = CalicoTierWalk(tier: tier.name, order: tier.order, defaultAction: tier.defaultAction)
            var rest = undecided, passed = ConnectionSet.none
            while s < plan.steps.count, plan.steps[s].tier == t {
                let step = plan.steps[s]
                s += 1
                var match = describe(step, direction: direction, recipe: recipe, column: column, ports: ports)
                if !match.runtime.isEmpty { out.runtime.append(match) }
                let decided = rest.intersection(match.connections)
                if decided.isEmpty { continue }
                match.connections = decided
                walk.matches.append(match)
                if step.action == .log { continue }
                if step.action == .allow { allowed = allowed.union(decided) }
                if step.action == .pass { passed = passed.union(decided) }
                rest = rest.subtracting(decided)
            }
            walk.reachedDefault = rest
            out.tiers.append(walk)
            undecided = tier.defaultAction == .pass ? passed.union(rest) : passed
            if undecided.isEmpty { break }
        }
        out.profileAllowed = undecided
        out.allowed = allowed.union(undecided)
        return out
    }

    /// A plan step at one column: who it is, and what it covers there (none when its peer
    /// side does not match).
    private func describe(_ step: CalicoPlan.Step, direction: PolicyDirection, recipe: RowRecipe, column: Int, ports: [ContainerPort]?)
        -> CalicoRuleMatch
    {
        let name = direction == .ingress ? "ingress" : "egress"
        switch step.kind {
        case .rule(let ci, let ri):
            let compiledRule = calicoIndex!.data.compiled[ci].rules(direction)![ri]
            let policy = cluster.calico.policies[calicoIndex!.data.compiled[ci].policyIndex]
            let covers = compiledRule.peers.contains(column) ? compiledRule.rule.connections(destinationPorts: ports) : .none
            return CalicoRuleMatch(
                policy: "\(policy.kind) \(policy.qualifiedName)", rule: "\(name)[\(ri)]", action: step.action,
                location: compiledRule.rule.location, connections: covers, runtime: compiledRule.runtime)
        case .networkPolicies:
            var covers = ConnectionSet.none
            for ci in recipe.policies {
                for rule in compiled[ci].rules(direction)! where rule.peers.contains(column) {
                    covers = covers.union(rule.ports.connections(destinationPorts: ports))
                }
            }
            let names = recipe.policies.map { cluster.policies[compiled[$0].policyIndex].qualifiedName }
            return CalicoRuleMatch(
                policy: "NetworkPolicy (Kubernetes, default tier order 1000) " + names.joined(separator: ", "), rule: "",
                action: .allow, location: nil, connections: covers)
        case .admin(let ai, let ri):
            let compiledRule = rowMaker!.admin[ai].rules(direction)[ri]
            let policy = cluster.adminPolicies[rowMaker!.admin[ai].policyIndex]
            let covers =
                compiledRule.peers.contains(column) ? AdminRule.connections(of: compiledRule.ports, destinationPorts: ports) : .none
            return CalicoRuleMatch(
                policy: policy.displayName, rule: "\(name)[\(ri)]", action: step.action, location: policy.location,
                connections: covers)
        }
    }
}
