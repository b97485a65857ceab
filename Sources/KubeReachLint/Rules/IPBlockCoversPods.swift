import KubeReachCore

/// Whether an ipBlock matches pod IPs depends on the network plugin; a block that covers
/// known pod IPs makes the answer plugin-dependent.
struct IPBlockCoversPods: LintRule {
    let id = "ipblock-covers-pods"
    let severity = Diagnostic.Severity.warning
    let summary = "An ipBlock covers pod IPs; whether it matches pods depends on the network plugin"
    let hint = "select pods with pod/namespace selectors and except the pod CIDR from ipBlocks"

    var triggering: [String] {
        [
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.5}\n---\n"
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]")
        ]
    }
    var nonTriggering: [String] {
        [
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.5}\n---\n"
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.peerSites.compactMap { site in
            guard case .ipBlock(let block) = site.peer else { return nil }
            let covered = context.cluster.pods.filter { $0.ips.contains { block.contains($0) } }
            guard let first = covered.first else { return nil }
            return finding(
                "ipBlock \(block.description) covers the IPs of \(covered.count) pod(s), e.g. \(first.qualifiedName)",
                policy: site.policy, field: site.path + ".ipBlock", at: site.rule.location)
        }
    }
}
