import KubeReachCore

/// Whether an ipBlock matches pod IPs depends on the network plugin; a block that covers
/// known pod IPs makes the answer plugin-dependent.
struct IPBlockCoversPods: LintRule {
    let id = "ipblock-covers-pods"
    let severity = Diagnostic.Severity.warning
    let summary = "An ipBlock covers pod IPs; whether it matches pods depends on the network plugin"
    let hint = "select pods with pod/namespace selectors and except the pod CIDR from ipBlocks"

    var triggering: [String] {
        ["apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.5}\n---\n"
            + Example.policy("p", "  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]")]
    }
    var nonTriggering: [String] {
        ["apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.5}\n---\n"
            + Example.policy("p", "  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}}]")]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    for (pi, peer) in rule.peers.enumerated() {
                        guard case .ipBlock(let block) = peer else { continue }
                        let covered = context.cluster.pods.filter { $0.ips.contains { block.contains($0) } }
                        guard !covered.isEmpty else { continue }
                        let key = direction == .ingress ? "ingress[\(ri)].from" : "egress[\(ri)].to"
                        out.append(finding("ipBlock \(block.description) covers the IPs of \(covered.count) pod(s), e.g. \(covered[0].qualifiedName)",
                                           policy: policy, field: "spec.\(key)[\(pi)].ipBlock", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
