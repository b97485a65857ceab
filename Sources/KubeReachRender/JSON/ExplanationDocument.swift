import KubeReachCore

/// `explain -o json`: the facts behind a verdict, per direction.
public struct ExplanationDocument: Codable, Sendable {
    public struct Policy: Codable, Sendable, Equatable {
        public var name: String
        /// `file:line:col`, when known.
        @Nullable public var location: String?

        init(_ p: PolicyReference) {
            name = p.name
            location = p.location?.description
        }
    }

    public struct Rule: Codable, Sendable {
        public var policy: Policy
        public var rule: Int
        /// nil: the rule has no peers (matches every endpoint).
        @Nullable public var peer: Int?
        /// nil: the rule has no ports (every port).
        @Nullable public var ports: [Int]?
        public var allows: String
        /// The field path of the rule or peer (`spec.ingress[0].from[1]`).
        public var path: String
    }

    public struct Miss: Codable, Sendable {
        public var kind: String
        public var policy: Policy
        public var rule: Int
        @Nullable public var peer: Int?
        public var message: String
    }

    public struct AdminRule: Codable, Sendable {
        public var tier: String
        public var policy: Policy
        public var rule: Int
        public var name: String
        public var action: String
        public var decides: String
    }

    public struct Side: Codable, Sendable {
        public var status: String
        public var isolatedBy: [Policy]
        public var allows: String
        public var rules: [Rule]
        public var nearestMisses: [Miss]
        public var adminRules: [AdminRule]
        /// ClusterNetworkPolicy `domainNames` rules whose part is decided at runtime
        /// (`decides` is what they would cover); absent when there are none.
        public var runtimeRules: [AdminRule]?

        init(_ s: DirectionExplanation) {
            status = s.status.rawValue
            isolatedBy = s.isolatingPolicies.map(Policy.init)
            allows = s.allowed.description
            rules = s.matches.map { m in
                Rule(
                    policy: Policy(m.policy), rule: m.ruleIndex, peer: m.peerIndex, ports: m.portIndices,
                    allows: m.connections.description, path: ExplanationFormatter.path(s.direction, m.ruleIndex, m.peerIndex))
            }
            nearestMisses = s.misses.map {
                Miss(kind: $0.kind.rawValue, policy: Policy($0.policy), rule: $0.ruleIndex, peer: $0.peerIndex, message: $0.message)
            }
            adminRules = s.adminDecisions.map {
                AdminRule(
                    tier: $0.tierLabel, policy: Policy($0.policy), rule: $0.ruleIndex, name: $0.ruleName, action: $0.actionWord,
                    decides: $0.connections.description)
            }
            let runtime = s.runtimeDecisions.map {
                AdminRule(
                    tier: $0.tierLabel, policy: Policy($0.policy), rule: $0.ruleIndex, name: $0.ruleName, action: $0.actionWord,
                    decides: $0.connections.description)
            }
            runtimeRules = runtime.isEmpty ? nil : runtime
        }
    }

    public var version = JSONOutput.version
    public var src: String
    public var dst: String
    public var allowed: Bool
    public var conn: String
    public var egress: Side
    public var ingress: Side
    /// Cilium's verdict and per-direction decision; absent when Cilium semantics are off.
    public var cilium: CiliumDocument?
    /// Under Calico: the tiers each direction walked (absent otherwise).
    public var calico: [CalicoDecisionDocument]?

    public init(_ e: Explanation, allowed: Bool) {
        src = e.source
        dst = e.destination
        self.allowed = allowed
        conn = e.allowed.description
        egress = Side(e.egress)
        ingress = Side(e.ingress)
    }
}
