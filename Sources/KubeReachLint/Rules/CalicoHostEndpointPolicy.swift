import KubeReachCore

/// A GlobalNetworkPolicy that applies to host endpoints: `doNotTrack`, `preDNAT` and
/// `applyOnForward` policies act on host interfaces only, and a selector on the labels host
/// endpoints carry (`host-endpoint`, the node labels automatic host endpoints copy) aims at
/// nodes. kubereach models workload endpoints only, so what such a policy does to traffic
/// through the nodes is not simulated; the rule says so instead of staying silent.
struct CalicoHostEndpointPolicy: LintRule {
    let id = "calico-host-endpoint-policy"
    let severity = Diagnostic.Severity.warning
    let summary = "A GlobalNetworkPolicy applies to host endpoints, which kubereach does not model"
    let hint = "check this policy's effect on node traffic by hand (calicoctl, flow logs); kubereach's answers cover pods only"

    var triggering: [String] {
        [
            Example.pod("web")
                + CalicoLint.policy(
                    "pre", ns: nil, "  preDNAT: true\n  applyOnForward: true\n  ingress:\n  - action: Deny\n    protocol: TCP"),
            Example.pod("web") + CalicoLint.policy("nodes", ns: nil, "  selector: has(host-endpoint)\n  ingress:\n  - action: Allow"),
            "apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {pool: edge}}\n---\n" + Example.pod("web")
                + CalicoLint.policy("edge", ns: nil, "  selector: pool == 'edge'\n  ingress:\n  - action: Allow"),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web") + CalicoLint.policy("pods", ns: nil, "  selector: app == 'web'\n  ingress:\n  - action: Allow"),
            // A label that nodes and pods both carry does not single out host endpoints.
            "apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {app: web}}\n---\n" + Example.pod("web")
                + CalicoLint.policy("pods", ns: nil, "  selector: app == 'web'\n  ingress:\n  - action: Allow"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        Self.hostPolicies(context.cluster).map { policy in
            let field = policy.hostOnlyFields.first ?? "spec.selector"
            let why =
                policy.hostOnlyFields.isEmpty
                ? "its selector \(policy.selector) reads labels only host endpoints carry"
                : "\(policy.hostOnlyFields.map { $0.split(separator: ".").last.map(String.init) ?? $0 }.joined(separator: ", ")) make it apply to host endpoints only"
            return finding(
                "GlobalNetworkPolicy \(policy.name): \(why); kubereach models pods only, so its effect on node traffic is not simulated",
                calico: policy, field: field)
        }
    }

    /// GlobalNetworkPolicies with a host-only field, or whose selector reads a key that only
    /// host endpoints carry: a well-known host-endpoint key, or a label of a loaded node that
    /// no loaded pod has.
    static func hostPolicies(_ cluster: Cluster) -> [CalicoPolicy] {
        let podKeys = Set(cluster.pods.flatMap { $0.labels.keys })
        let nodeKeys = Set(cluster.nodes.flatMap { $0.labels.keys }).subtracting(podKeys)
        let hostKeys = CalicoLint.hostEndpointKeys.union(nodeKeys)
        return cluster.calico.policies.filter { p in
            p.namespace == nil && (!p.hostOnlyFields.isEmpty || !p.selector.keys.isDisjoint(with: hostKeys))
        }
    }
}
