/// What of the loaded Calico objects kubereach leaves out or cannot decide offline, each
/// reported at its object and field: equal orders (`CalicoOrderTies`), host-endpoint policies, policies naming a tier the
/// input does not define, staged policies (evaluated only with `--staged`), and rules
/// whose matches only the dataplane knows (those pairs are decided at runtime).
public enum CalicoLoadNotes {
    public static func diagnostics(_ cluster: Cluster) -> [Diagnostic] {
        let tiers = Set(cluster.calicoTiers.map(\.tier.name))
        var out: [Diagnostic] = []
        if cluster.isCiliumActive && !cluster.calico.policies.isEmpty {
            out.append(
                Diagnostic(
                    .warning,
                    "\(cluster.calico.policies.count) Calico polic(ies) beside Cilium: one dataplane enforces policy, so kubereach evaluates Cilium's and not these; answers may be incomplete"
                ))
        }
        for tier in cluster.calico.tiers {
            guard let (order, action) = builtIn[tier.name], tier.order != order || tier.defaultAction != action else { continue }
            out.append(
                Diagnostic(
                    .warning,
                    "Calico's API keeps this built-in tier at order \(Int(order)) with defaultAction \(action.rawValue); evaluated as written",
                    location: tier.location, object: "Tier \(tier.name)", fieldPath: "spec"))
        }
        for policy in cluster.calico.policies {
            let object = "\(policy.kind) \(policy.qualifiedName)"
            func warn(_ message: String, _ path: String? = nil, at location: SourceLocation? = nil) {
                out.append(Diagnostic(.warning, message, location: location ?? policy.location, object: object, fieldPath: path))
            }
            if !policy.hostOnlyFields.isEmpty {
                warn(
                    "applies to host endpoints only, which kubereach does not model: not evaluated",
                    policy.hostOnlyFields.joined(separator: ", "))
                continue
            }
            if !tiers.contains(policy.tier) {
                warn("tier '\(policy.tier)' is not defined: Calico refuses the policy; not evaluated", "spec.tier")
            }
            if policy.staged {
                out.append(Diagnostic(.note, "staged: evaluated only with --staged", location: policy.location, object: object))
            }
            for direction in PolicyDirection.allCases {
                for (i, rule) in policy.rules(direction).enumerated() where !rule.runtimeConditions.isEmpty {
                    warn(
                        "\(rule.runtimeConditions.joined(separator: ", ")) cannot be decided offline: the rule matches nothing here and explain marks the pairs it could match as decided at runtime",
                        "spec.\(direction == .ingress ? "ingress" : "egress")[\(i)]", at: rule.location)
                }
            }
        }
        return out + CalicoOrderTies.diagnostics(cluster)
    }
}

extension CalicoLoadNotes {
    /// The built-in tiers' order and default action, which Calico's v3 API enforces.
    static let builtIn: [String: (Double, CalicoTier.DefaultAction)] = [
        "default": (1_000_000, .deny), CalicoTier.kubeAdminName: (1000, .pass), CalicoTier.kubeBaselineName: (10_000_000, .pass),
    ]
}

extension CalicoPolicy {
    /// The object's kind as written in manifests.
    public var kind: String {
        (staged ? "Staged" : "") + (scope == .global ? "GlobalNetworkPolicy" : "NetworkPolicy")
    }
}
