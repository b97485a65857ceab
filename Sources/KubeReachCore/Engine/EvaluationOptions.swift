/// The choices Kubernetes leaves to the network plugin (Docs/semantics.md), made explicit.
public struct EvaluationOptions: Sendable, Hashable {
    /// Whether an ipBlock also matches pods whose IP lies in it (upstream e2e tests expect it;
    /// netpol-analyzer does not). A pod with no known IP is never matched by an ipBlock.
    public var ipBlockMatchesPods: Bool
    /// IP families whose address space appears as external peers in addition to those the
    /// cluster brings into play (IPv4 always; IPv6 when a pod IP or an ipBlock is IPv6).
    public var extraFamilies: Set<IPFamily>
    /// How policies treat `hostNetwork: true` pods.
    public var hostNetwork: HostNetworkPolicy
    /// Use all cores (results are identical either way; tests compare the two).
    public var parallel = true
    /// Pod and service CIDRs given on the command line (`--pod-cidr`, `--service-cidr`);
    /// Nodes' `spec.podCIDRs` are added at evaluation (`Reachability.clusterNetworks`).
    public var clusterNetworks = ClusterNetworks()
    /// Evaluate Calico StagedNetworkPolicy/StagedGlobalNetworkPolicy as if enforced (`--staged`).
    public var calicoStaged = false
    /// Ranges that cut the address atoms (and, where ipBlocks match pods, pods' identities)
    /// as an ipBlock would, without matching anything: two evaluations that must share their
    /// atoms (the incremental diff) each pass the other's ipBlocks. Answers do not change.
    public var additionalCuts: [IPRange] = []

    public init(ipBlockMatchesPods: Bool = true, extraFamilies: Set<IPFamily> = [], hostNetwork: HostNetworkPolicy = .bypass) {
        self.ipBlockMatchesPods = ipBlockMatchesPods
        self.extraFamilies = extraFamilies
        self.hostNetwork = hostNetwork
    }
}

/// NetworkPolicy does not reliably apply to pods on the node's network namespace.
public enum HostNetworkPolicy: String, Sendable, Hashable, CaseIterable {
    /// Never isolated: everything in and out is allowed (the upstream default, Docs/semantics.md §1).
    case bypass
    /// Isolated like any pod (what netpol-analyzer assumes).
    case apply
}
