import KubeReachCore

/// A Calico Allow rule that an earlier Deny of the same tier pre-empts on traffic the Allow
/// names: both match some loaded pod pair on some port, the Deny comes first, and neither
/// rule holds the other (a Deny inside a wider Allow is a deliberate exception; a Deny that
/// holds the whole Allow is `calico-rule-shadowed`). Ports of the Allow's own ranges and the
/// destination pod's declared ports are tried; source ports, ICMP and HTTP matches are not
/// guessed at.
struct CalicoDenyBeforeAllow: LintRule {
    let id = "calico-deny-before-allow"
    let severity = Diagnostic.Severity.warning
    let summary = "An earlier Calico Deny rule of the same tier takes traffic that a later Allow rule names"
    let hint = "move the Allow before the Deny (lower order, or earlier in the rule list) if that traffic should pass, or narrow the Deny"

    var triggering: [String] {
        [
            Example.pod("web") + Example.pod("client", labels: "{app: client, team: ops}")
                + CalicoLint.policy(
                    "p",
                    "  selector: app == 'web'\n  ingress:\n  - action: Deny\n    source: {selector: team == 'ops'}\n  - action: Allow\n    protocol: TCP\n    source: {selector: app == 'client'}\n    destination: {ports: [80]}"
                ),
            Example.pod("web") + Example.pod("client", labels: "{app: client, team: ops}")
                + CalicoLint.policy("deny-ops", ns: nil, "  order: 1\n  ingress:\n  - action: Deny\n    source: {selector: team == 'ops'}")
                + CalicoLint.policy(
                    "allow-client",
                    "  order: 2\n  selector: app == 'web'\n  ingress:\n  - action: Allow\n    source: {selector: app == 'client'}"),
        ]
    }
    var nonTriggering: [String] {
        [
            // No loaded pod is both `team: ops` and `app: client`.
            Example.pod("web") + Example.pod("client", labels: "{app: client}")
                + CalicoLint.policy(
                    "p",
                    "  selector: app == 'web'\n  ingress:\n  - action: Deny\n    source: {selector: team == 'ops'}\n  - action: Allow\n    source: {selector: app == 'client'}"
                ),
            // A Deny carved out of a wider Allow on purpose.
            Example.pod("web") + Example.pod("client", labels: "{app: client, team: ops}")
                + CalicoLint.policy(
                    "p",
                    "  selector: app == 'web'\n  ingress:\n  - action: Deny\n    source: {selector: app == 'client'}\n  - action: Allow"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        var out: [LintFinding] = []
        let byTier = Dictionary(grouping: CalicoLint.evaluated(cluster), by: \.tier)
        for policies in byTier.values {
            let ordered = CalicoLint.ordered(policies)
            let endpoints = ordered.map { p in Set(cluster.pods.indices.filter { context.calicoApplies(p, to: cluster.pods[$0]) == true }) }
            for (pi, policy) in ordered.enumerated() {
                for direction in PolicyDirection.allCases where policy.types.contains(direction) {
                    for (ri, rule) in policy.rules(direction).enumerated() where rule.action == .allow {
                        let earlier =
                            ordered[..<pi].indices.filter { ordered[$0].types.contains(direction) }.flatMap { qi in
                                ordered[qi].rules(direction).enumerated().map { (qi, $0, $1) }
                            } + policy.rules(direction)[..<ri].enumerated().map { (pi, $0, $1) }
                        for (qi, ei, deny) in earlier where deny.action == .deny {
                            let q = ordered[qi]
                            let shadowing =
                                (qi == pi || CalicoCover.policy(q, covers: policy, namespaceLabels: context.namespaceLabels))
                                && CalicoCover.rule(deny, of: q, covers: rule, of: policy)
                            guard !shadowing, !CalicoCover.rule(rule, of: policy, covers: deny, of: q) else { continue }
                            let shared = endpoints[pi].intersection(endpoints[qi]).sorted()
                            guard let w = witness(deny, of: q, rule, of: policy, direction, endpoints: shared, context) else { continue }
                            let whose = qi == pi ? "" : " of \(q.qualifiedName)"
                            out.append(
                                finding(
                                    "\(policy.qualifiedName) Allow rule \(LintContext.rulePath(direction, ri)) loses \(w) to the earlier Deny rule \(LintContext.rulePath(direction, ei))\(whose) in tier \(policy.tier)",
                                    calico: policy, field: LintContext.rulePath(direction, ri), at: rule.location))
                            break
                        }
                    }
                }
            }
        }
        return out
    }

    /// A connection both rules match, described (`shop/client → shop/web on TCP 80`), or nil.
    private func witness(
        _ deny: CalicoRule, of q: CalicoPolicy, _ allow: CalicoRule, of p: CalicoPolicy, _ direction: PolicyDirection, endpoints: [Int],
        _ context: LintContext
    ) -> String? {
        let pods = context.cluster.pods
        func both(_ pod: Pod, local: Bool) -> Bool {
            let sides = direction == .ingress ? (local ? \CalicoRule.destination : \.source) : (local ? \.source : \.destination)
            return context.calicoSide(deny[keyPath: sides], of: q, matches: pod) == true
                && context.calicoSide(allow[keyPath: sides], of: p, matches: pod) == true
        }
        let peers = pods.indices.filter { both(pods[$0], local: false) }
        guard !peers.isEmpty else { return nil }
        for e in endpoints where both(pods[e], local: true) {
            for peer in peers where peer != e {
                let (from, to) = direction == .ingress ? (pods[peer], pods[e]) : (pods[e], pods[peer])
                if let port = Self.sharedPort(deny, allow, destination: to) {
                    return "\(from.qualifiedName) → \(to.qualifiedName) on \(port)"
                }
            }
        }
        return nil
    }

    /// A protocol and port both rules admit towards `destination` ("TCP 80"), or "any port"
    /// when neither names one.
    static func sharedPort(_ a: CalicoRule, _ b: CalicoRule, destination: Pod) -> String? {
        guard
            [a, b].allSatisfy({
                $0.source.ports.isEmpty && $0.source.notPorts.isEmpty && $0.icmpConditions.isEmpty && $0.layer7Fields.isEmpty
            })
        else { return nil }
        if [a, b].allSatisfy({ $0.proto == nil && $0.notProto == nil && $0.destination.ports.isEmpty && $0.destination.notPorts.isEmpty }) {
            return "any port"
        }
        var candidates = destination.ports.map { ($0.proto, $0.port, $0.name) }
        for rule in [a, b] {
            for case .range(let lo, _) in rule.destination.ports { candidates.append((rule.proto?.transport ?? .tcp, lo, nil)) }
            if rule.destination.ports.isEmpty, let t = rule.proto?.transport { candidates.append((t, 1, nil)) }
        }
        return candidates.first { c in [a, b].allSatisfy { admits($0, c.0, c.1, c.2) } }.map { "\($0.0.rawValue) \($0.1)" }
    }

    private static func admits(_ rule: CalicoRule, _ proto: NetworkProtocol, _ port: Int, _ name: String?) -> Bool {
        func hit(_ entry: CalicoPort) -> Bool {
            switch entry {
            case .range(let lo, let hi): return lo <= port && port <= hi
            case .named(let n): return n == name
            }
        }
        if let p = rule.proto, p.transport != proto { return false }
        if let p = rule.notProto, p.transport == proto { return false }
        return (rule.destination.ports.isEmpty || rule.destination.ports.contains(where: hit))
            && !rule.destination.notPorts.contains(where: hit)
    }
}
