import KubeReachCore

/// `toEntities: [world]` (or `all`) already covers every address a `toCIDR`/`toCIDRSet` of
/// the same rule could add: the CIDRs are dead weight, and often a sign of a misunderstanding.
struct CiliumWorldWithCIDR: LintRule {
    let id = "cilium-world-with-cidr"
    let severity = Diagnostic.Severity.warning
    let summary = "A Cilium rule has the world (or all) entity and CIDRs, which cannot add anything to it"
    let hint = "drop the CIDRs, or drop world if only those addresses were meant"

    var triggering: [String] {
        [CiliumLint.policy("p", "  endpointSelector: {}\n  egress:\n  - toEntities: [world]\n    toCIDR: [10.0.0.0/8]")]
    }
    var nonTriggering: [String] {
        [CiliumLint.policy("p", "  endpointSelector: {}\n  egress:\n  - toEntities: [cluster]\n    toCIDR: [10.0.0.0/8]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        CiliumLint.sites(context.cluster).compactMap { site in
            guard !site.rule.cidrs.isEmpty, let entity = site.rule.entities.first(where: { $0 == .world || $0 == .all }) else {
                return nil
            }
            let field = site.direction == .ingress ? "fromEntities" : "toEntities"
            return finding(
                "\(field) \(entity.rawValue) already covers the rule's CIDRs", cilium: site.policy, field: "\(site.path).\(field)",
                at: site.rule.location)
        }
    }
}
