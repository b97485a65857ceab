/// Kinds of other policy engines (Calico, Cilium, Istio, Antrea):
/// they change connectivity but kubereach does not evaluate them, so their presence is
/// always reported. (AdminNetworkPolicy, its baseline and ClusterNetworkPolicy of
/// `policy.networking.k8s.io` are evaluated; of any other group, such as Antrea's
/// `crd.antrea.io` ClusterNetworkPolicy, they land here.)
public enum ForeignPolicyKinds {
    public static let names: Set<String> = [
        "GlobalNetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
        "AuthorizationPolicy",
    ]
}
