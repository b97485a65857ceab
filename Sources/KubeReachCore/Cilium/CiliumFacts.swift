/// What Cilium's verdicts depend on beyond the policies: the agent's options (the
/// `kube-system/cilium-config` ConfigMap, overridable by flags), which nodes run the agent
/// (CiliumNode objects), the API server's addresses and the loaded CIDR groups.
public struct CiliumFacts: Hashable, Sendable {
    /// `enable-policy`.
    public var enforcement: CiliumEnforcement = .default
    /// `policy-cidr-match-mode: nodes`: CIDR rules also select node addresses.
    public var cidrMatchesNodes = false
    /// `cluster-name` (`io.cilium.k8s.policy.cluster`).
    public var clusterName = "default"
    /// `allow-localhost`: ingress from the endpoint's own node is allowed (default true).
    public var allowLocalhost = true
    /// Names of the nodes with a CiliumNode object; nil when none was loaded (every node
    /// is then taken to run the agent).
    public var agentNodes: Set<String>?
    /// The API server's addresses (`default/kubernetes` Endpoints/EndpointSlice, or `--apiserver-cidr`).
    public var apiServerAddresses: [IPAddress] = []
    /// Further API server ranges (`--apiserver-cidr`).
    public var apiServerCIDRs: [CIDR] = []
    /// CiliumCIDRGroup `spec.externalCIDRs`, by group name.
    public var cidrGroups: [String: [CIDR]] = [:]
    /// Whether the input carried the cilium-config ConfigMap.
    public var configLoaded = false

    public init() {}

    /// Whether a node runs the Cilium agent.
    public func runsAgent(node: String) -> Bool { agentNodes?.contains(node) ?? true }
}

/// Cilium's policy enforcement mode (`enable-policy`).
public enum CiliumEnforcement: String, Hashable, Sendable, CaseIterable {
    /// An endpoint is isolated in a direction once a policy with rules there selects it.
    case `default`
    /// Every endpoint is isolated in both directions.
    case always
    /// No policy is enforced.
    case never
}
