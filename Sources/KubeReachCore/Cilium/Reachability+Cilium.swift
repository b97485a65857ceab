extension Reachability {
    /// Cilium's decisions for a pair of pods (indices into `cluster.pods`), egress of the
    /// source then ingress of the destination; empty without Cilium.
    public func ciliumDecisions(fromPod s: Int, toPod d: Int) -> [CiliumDecision] {
        guard cilium != nil else { return [] }
        let si = identities.identityOfPod[s], di = identities.identityOfPod[d]
        return [
            decision(.egress, subjectPod: s, column: di, destinationPorts: cluster.pods[d].ports),
            decision(.ingress, subjectPod: d, column: si, destinationPorts: cluster.pods[d].ports),
        ]
    }

    /// Cilium's decision for a pod's egress to an external address.
    public func ciliumDecisions(fromPod s: Int, toAddress ip: IPAddress) -> [CiliumDecision] {
        guard cilium != nil, let atom = externalDestinationIndex(of: ip) else { return [] }
        return [decision(.egress, subjectPod: s, column: destinationBase + atom, destinationPorts: nil)]
    }

    /// Cilium's decision for a pod's ingress from an external address.
    public func ciliumDecisions(fromAddress ip: IPAddress, toPod d: Int) -> [CiliumDecision] {
        guard cilium != nil, let atom = externalSourceIndex(of: ip) else { return [] }
        return [decision(.ingress, subjectPod: d, column: sourceBase + atom, destinationPorts: cluster.pods[d].ports)]
    }

    private func decision(_ direction: PolicyDirection, subjectPod p: Int, column: Int, destinationPorts: [ContainerPort]?)
        -> CiliumDecision
    {
        let index = cilium!
        let id = identities.identityOfPod[p]
        var out = CiliumDecision(
            direction: direction, subject: cluster.pods[p].qualifiedName,
            enforced: index.columns.endpoints.contains(id) && index.facts.enforcement != .never)
        guard out.enforced else { return out }
        out.networkPolicies = policiesSelecting(pod: p, direction).map { cluster.policies[$0].qualifiedName }
        if index.facts.enforcement == .always { out.defaultDenyBy.append("enable-policy: always") }
        let node = identities.keys[id].node
        for si in index.specs(direction, identity: id) {
            let compiled = index.compiled[si]
            let policy = cluster.ciliumPolicies[compiled.policy]
            let part = compiled.direction(direction)!
            let named = policy.displayName + (policy.location.map { " (\($0))" } ?? "")
            if part.defaultDeny && !out.defaultDenyBy.contains(named) { out.defaultDenyBy.append(named) }
            let prefix = policy.specs.count > 1 ? "specs[\(compiled.spec)]." : ""
            let name = direction == .ingress ? "ingress" : "egress"
            for (k, rules) in [(name + "Deny", part.denies), (name, part.allows)] {
                for (ri, rule) in rules.enumerated() {
                    let match = CiliumRuleMatch(
                        policy: policy.displayName, section: prefix + k, index: ri, location: rule.rule.location,
                        connections: rule.rule.connections(destinationPorts: destinationPorts), l7: rule.rule.l7,
                        runtime: rule.rule.runtime)
                    // FQDNs stand for external addresses only; other runtime peers may be anything.
                    let external = column >= identities.count
                    if !rule.rule.runtime.isEmpty && (external || rule.rule.runtime != ["toFQDNs"]) { out.runtime.append(match) }
                    guard matches(rule, column: column, node: node, columns: index.columns), match.connections != .none else { continue }
                    if k.hasSuffix("Deny") { out.denies.append(match) } else { out.allows.append(match) }
                }
            }
        }
        out.fromOwnNode =
            direction == .ingress && out.isolated && index.facts.allowLocalhost && index.columns.host(node).contains(column)
        return out
    }

    private func matches(_ rule: CompiledCiliumSpec.Rule, column: Int, node: Int, columns: CiliumColumns) -> Bool {
        rule.peers.contains(column) || (rule.host && columns.host(node).contains(column))
            || (rule.remoteNode && columns.remoteNode(node).contains(column))
    }
}

extension Reachability {
    /// Cilium's decisions for two resolved endpoints, for one pod per side (the first, and
    /// another than the source's when both sides are one workload); empty without Cilium.
    public func ciliumDecisions(from s: ResolvedEndpoint, to d: ResolvedEndpoint) -> [CiliumDecision] {
        guard cilium != nil else { return [] }
        switch (s, d) {
        case (.pods(let a, _), .pods(let b, _)):
            guard let i = a.first, let j = b.first(where: { $0 != i }) ?? b.first else { return [] }
            return ciliumDecisions(fromPod: i, toPod: j)
        case (.pods(let a, _), .external(let ip)): return a.first.map { ciliumDecisions(fromPod: $0, toAddress: ip) } ?? []
        case (.external(let ip), .pods(let b, _)): return b.first.map { ciliumDecisions(fromAddress: ip, toPod: $0) } ?? []
        case (.external, .external): return []
        }
    }
}

extension Reachability {
    /// Whether some Cilium rule has an L7 part or a peer only the agent knows: only then can
    /// a listed connection need a note.
    public var hasCiliumRuntimeRules: Bool {
        cluster.ciliumPolicies.contains { policy in
            policy.specs.contains { spec in
                (spec.ingress + spec.egress + spec.ingressDeny + spec.egressDeny).contains { !$0.l7.isEmpty || !$0.runtime.isEmpty }
            }
        }
    }

    /// Cilium's decisions behind one listed connection, for one pod per side (a workload's
    /// first pod, an external range's first address).
    public func ciliumDecisions(for edge: ConnectivityEdge) -> [CiliumDecision] {
        func side(_ e: Endpoint) -> ResolvedEndpoint? {
            switch e {
            case .pod(let ns, let name):
                return cluster.pods.firstIndex { $0.namespace == ns && $0.name == name }.map { .pods([$0], endpoint: e) }
            case .workload(let w): return cluster.pods.firstIndex { $0.workload == w }.map { .pods([$0], endpoint: e) }
            case .external(let r): return .external(IPAddress(family: r.family, value: r.lower))
            case .address(let ip): return .external(ip)
            case .namespace, .service: return nil
            }
        }
        guard let s = side(edge.source), let d = side(edge.destination) else { return [] }
        return ciliumDecisions(from: s, to: d)
    }
}
