import KubeReachCore

/// An Accept on `domainNames` for pods whose egress a Baseline policy denies to external
/// addresses: at runtime the plugin lets the domains' addresses through, but kubereach
/// cannot know those addresses, so every answer about them shows the Baseline's "denied".
/// The Accept works; the simulation of it cannot.
struct DomainAcceptUnderBaselineDeny: LintRule {
    let id = "domain-accept-under-baseline-deny"
    let severity = Diagnostic.Severity.warning
    let summary = "An Accept on domainNames meets a default-deny Baseline: kubereach shows those domains as denied"
    let hint = "check the domains at runtime; for a simulated answer add a networks rule with the domains' addresses beside them"

    private static let baselineDeny =
        "  egress:\n  - {name: deny-out, action: Deny, to: [{networks: [0.0.0.0/0]}]}"
    private static let domainAccept =
        "  egress:\n  - {name: api, action: Accept, to: [{domainNames: [api.example.com]}], protocols: [{tcp: {destinationPort: {number: 443}}}]}"

    var triggering: [String] {
        [
            Example.pod("web") + Example.cnp("allow-api", Example.shopSubject + Self.domainAccept)
                + Example.cnp("default-deny", tier: "Baseline", Example.shopSubject + Self.baselineDeny)
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + Example.cnp("allow-api", Example.shopSubject + Self.domainAccept),
            Example.pod("web") + Example.cnp("default-deny", tier: "Baseline", Example.shopSubject + Self.baselineDeny),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let cluster = context.cluster
        let denying = cluster.orderedBaselinePolicies.filter { p in p.egress.contains { $0.action == .deny && deniesAddresses($0) } }
        guard !denying.isEmpty else { return [] }
        let denied = Set(denying.flatMap { context.subjects(of: $0) })
        var out: [LintFinding] = []
        for policy in cluster.orderedAdminPolicies + cluster.orderedBaselinePolicies {
            for (ri, rule) in policy.egress.enumerated() where rule.action == .allow && rule.hasDomainNames {
                let held = context.subjects(of: policy).filter(denied.contains)
                guard let first = held.first else { continue }
                out.append(
                    finding(
                        "\(policy.displayName) rule '\(rule.name)' accepts domain names for \(held.count) pod(s) (e.g. \(cluster.pods[first].qualifiedName)) whose external egress \(denying.map(\.displayName).joined(separator: ", ")) denies: their addresses are decided at runtime, so kubereach shows them denied",
                        admin: policy, field: LintContext.rulePath(.egress, ri), at: rule.location))
            }
        }
        return out
    }

    /// A Deny rule reaching external addresses: a `networks` peer, or a peer that failed closed.
    private func deniesAddresses(_ rule: AdminRule) -> Bool {
        rule.peers.contains {
            switch $0 {
            case .networks, .unrecognized: true
            case .pods, .nodes, .domainNames: false
            }
        }
    }
}
