/// Kinds of other policy engines (Calico, Cilium, AdminNetworkPolicy, Istio): they change
/// connectivity but kubereach does not evaluate them, so their presence is always reported.
public enum ForeignPolicyKinds {
    public static let names: Set<String> = [
        "GlobalNetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
        "AuthorizationPolicy",
    ]
}
