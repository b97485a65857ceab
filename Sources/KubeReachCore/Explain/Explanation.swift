/// Why a connection is allowed or denied, per direction: which policies isolate the
/// endpoint, which rules allowed which part of the connection set, and for what is denied,
/// the nearest misses. Built by `Explainer`, a slow per-pair path separate from the engine.
public struct Explanation: Sendable {
    public var source: String
    public var destination: String
    public var egress: DirectionExplanation
    public var ingress: DirectionExplanation
    /// egress.allowed ∩ ingress.allowed (everything for a pod to itself).
    public var allowed: ConnectionSet
    /// Pods actually explained, when an endpoint stands for several pods.
    public var note: String?
}

public struct DirectionExplanation: Sendable {
    public enum Status: String, Sendable {
        /// The endpoint on this side is an external address: no policy applies.
        case external
        /// hostNetwork pods bypass policies (default choice).
        case hostNetwork
        /// No policy selects the pod for this direction: everything allowed.
        case notIsolated
        /// Only what the isolating policies' rules allow.
        case isolated
        /// A pod to itself: always allowed.
        case selfTraffic
        /// AdminNetworkPolicy rules decided every connection; NetworkPolicies were not consulted.
        case decidedByAdmin
    }

    public var direction: PolicyDirection
    public var status: Status
    /// The isolating policies (`ns/name`) with their locations.
    public var isolatingPolicies: [PolicyReference]
    /// Rules whose peer matched the other end, with what each allows.
    public var matches: [RuleMatch]
    public var misses: [NearMiss]
    public var allowed: ConnectionSet
    /// ANP rules (before the NetworkPolicy tier) and BANP rules (after it, when no
    /// NetworkPolicy isolates the pod) that decided part of the set, in evaluation order.
    public var adminDecisions: [AdminDecision] = []
    /// ClusterNetworkPolicy rules naming `domainNames` met on the way to an external
    /// address: whether they match is decided at runtime (by DNS), so the part of the set
    /// they cover is not known; kubereach counts them as matching nothing.
    public var runtimeDecisions: [AdminDecision] = []

    /// Whether any policy of any tier had a say (else the default, allow, decided).
    public var isDecidedByPolicy: Bool { status == .isolated || status == .decidedByAdmin || !adminDecisions.isEmpty }
}

public struct PolicyReference: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation?
}

/// One rule that matched the other endpoint.
public struct RuleMatch: Sendable {
    public var policy: PolicyReference
    public var ruleIndex: Int
    /// nil when the rule has no peers (matches everything).
    public var peerIndex: Int?
    /// nil when the rule has no ports (every port); else the entries that allow something.
    public var portIndices: [Int]?
    public var connections: ConnectionSet
    public var ruleLocation: SourceLocation?
}

/// A rule that almost admitted the connection.
public struct NearMiss: Sendable {
    public enum Kind: String, Sendable {
        case portNotAllowed, podLabel, namespaceMismatch, namespaceSelectsNothing, otherNamespace, namedPortUndeclared,
            addressNotInBlock
    }

    public var kind: Kind
    public var policy: PolicyReference
    public var ruleIndex: Int
    public var peerIndex: Int?
    public var message: String
}
