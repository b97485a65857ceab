/// Seeded CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies to add to a
/// `SyntheticCluster` (same namespaces `ns<i>`, labels `app<j>`/tier): per-app L3/L4 allows
/// from same- and cross-namespace endpoints on named and numeric ports, entity and CIDR
/// egress, deny rules, `enableDefaultDeny: false` add-ons and clusterwide guardrails.
public struct SyntheticCilium: Sendable {
    public let policies: Int
    public let clusterwide: Int
    public let namespaces: Int
    public let seed: UInt64

    public init(policies: Int, clusterwide: Int, namespaces: Int, seed: UInt64 = 1) {
        self.policies = policies
        self.clusterwide = clusterwide
        self.namespaces = max(1, namespaces)
        self.seed = seed
    }

    static let tiers = ["web", "api", "db", "cache", "worker", "batch"]

    /// The policies as multi-document YAML text (each document starts with `---`).
    public func manifests() -> String {
        var rng = SplitMix64(seed: seed &+ 0xC111)
        var out = ""
        for i in 0..<policies { out += namespaced(i, &rng) }
        for i in 0..<clusterwide { out += clusterwidePolicy(i, &rng) }
        return out
    }

    private func namespaced(_ i: Int, _ rng: inout SplitMix64) -> String {
        let ns = i % namespaces, app = i
        let tier = rng.pick(Self.tiers)
        var spec = "  endpointSelector: {matchLabels: {app: app\(app)}}\n"
        switch rng.below(4) {
        case 0:
            spec +=
                "  ingress:\n  - fromEndpoints: [{matchLabels: {tier: \(tier)}}]\n    toPorts: [{ports: [{port: http, protocol: TCP}, {port: \"8080\"}]}]\n"
        case 1:
            spec +=
                "  ingress:\n  - fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: ns\((ns + 1) % namespaces), tier: \(tier)}}]\n  - fromEntities: [host, remote-node]\n"
        case 2:
            spec +=
                "  egress:\n  - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]\n    toPorts: [{ports: [{port: \"53\", protocol: ANY}]}]\n  - toCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.\(rng.below(256)).0/24]}]\n    toPorts: [{ports: [{port: \"443\", protocol: TCP}]}]\n"
        default:
            spec +=
                "  enableDefaultDeny: {ingress: false}\n  ingressDeny:\n  - fromEntities: [world]\n    toPorts: [{ports: [{port: \"\(rng.pick([22, 3306, 6379]))\", protocol: TCP}]}]\n"
        }
        return "---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: cnp\(i), namespace: ns\(ns)}\nspec:\n" + spec
    }

    private func clusterwidePolicy(_ i: Int, _ rng: inout SplitMix64) -> String {
        let tier = rng.pick(Self.tiers)
        let spec =
            rng.chance(0.5)
            ? "  endpointSelector: {matchLabels: {tier: \(tier)}}\n  egressDeny:\n  - toCIDR: [169.254.169.254/32]\n  enableDefaultDeny: {egress: false}\n"
            : "  endpointSelector: {matchExpressions: [{key: io.kubernetes.pod.namespace, operator: NotIn, values: [kube-system]}, {key: tier, operator: In, values: [\(tier)]}]}\n  ingress:\n  - fromEndpoints: [{matchLabels: {tier: \(rng.pick(Self.tiers))}}]\n  - fromEntities: [kube-apiserver, host]\n"
        return "---\napiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: ccnp\(i)}\nspec:\n" + spec
    }
}
