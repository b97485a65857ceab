import KubeReachCore

/// Whole-input checks on Cilium objects once everything is loaded: CIDR groups that no
/// loaded CiliumCIDRGroup defines (such a peer matches nothing).
enum CiliumLoadCheck {
    static func warnings(_ cluster: Cluster) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for policy in cluster.ciliumPolicies {
            for spec in policy.specs {
                for rule in spec.ingress + spec.ingressDeny + spec.egress + spec.egressDeny {
                    for case .group(let name, _) in rule.cidrs where cluster.cilium.cidrGroups[name] == nil {
                        out.append(
                            Diagnostic(
                                .warning, "cidrGroupRef '\(name)' names no loaded CiliumCIDRGroup: it matches no address",
                                location: rule.location, object: "\(policy.kind) \(policy.qualifiedName)"))
                    }
                }
            }
        }
        out += unplacedWarning(cluster)
        return out
    }

    /// Pods without `spec.nodeName` have no known `host`: said once when it can matter.
    private static func unplacedWarning(_ cluster: Cluster) -> [Diagnostic] {
        guard !cluster.ciliumPolicies.isEmpty, !cluster.nodes.flatMap(\.addresses).isEmpty || cluster.pods.contains(where: \.hostNetwork)
        else { return [] }
        let unplaced = cluster.pods.filter { $0.nodeName == nil && !$0.hostNetwork }.count
        guard unplaced > 0 else { return [] }
        return [
            Diagnostic(
                .warning,
                "\(unplaced) pod(s) have no spec.nodeName: Cilium's host and remote-node are taken as seen from a node that is none of the loaded ones (Docs/cilium.md)"
            )
        ]
    }
}
