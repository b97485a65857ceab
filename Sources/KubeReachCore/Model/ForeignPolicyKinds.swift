/// Kinds of other policy engines (Calico, Cilium, Istio, the v1alpha2 ClusterNetworkPolicy):
/// they change connectivity but kubereach does not evaluate them, so their presence is
/// always reported. (AdminNetworkPolicy and its baseline of `policy.networking.k8s.io` are
/// evaluated; of any other group they land here.)
public enum ForeignPolicyKinds {
    public static let names: Set<String> = [
        "GlobalNetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
        "AuthorizationPolicy",
    ]
}
