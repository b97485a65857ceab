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
        return out
    }
}
