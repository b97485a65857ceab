import KubeReachCore

/// One finding of one rule, located like a load diagnostic.
public struct LintFinding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Diagnostic.Severity
    public var message: String
    public var hint: String
    public var location: SourceLocation?
    public var object: String?
    public var fieldPath: String?
    /// What tells apart findings of one rule at one object and field (the workload a
    /// policy leaves unreachable), for the fingerprint only.
    var subject: String?

    /// What a baseline remembers the finding by: its rule, the object and the field path
    /// (the message when the finding has no object), never its line, so the finding keeps
    /// its fingerprint when the manifest moves or is reformatted. FNV-1a, 16 hex digits.
    public var fingerprint: String {
        let key = [ruleID, object ?? "", fieldPath ?? "", object == nil ? message : "", subject ?? ""].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// How findings name the objects they are about; `Linter` finds the annotated object of a
/// finding through the same names.
enum LintObject {
    static func policy(_ p: NetworkPolicy) -> String { "NetworkPolicy \(p.qualifiedName)" }
    static func namespace(_ name: String) -> String { "Namespace \(name)" }
}

/// What rules look at: the loaded cluster and the kinds the loader skipped.
public struct LintContext: Sendable {
    public var cluster: Cluster
    public var skippedKinds: [String: Int]
    public var options: EvaluationOptions
    /// Selector and peer matching as the engine does it, built once for every rule.
    let explainer: Explainer
    /// The simulated cluster, built once for the rules that ask what can actually connect.
    let reachability: Reachability

    public init(cluster: Cluster, skippedKinds: [String: Int] = [:], options: EvaluationOptions = .init()) {
        var c = cluster
        c.addImplicitNamespaces()
        self.cluster = c
        self.skippedKinds = skippedKinds
        self.options = options
        explainer = Explainer(cluster: c, options: options)
        reachability = Reachability(cluster: c, options: options)
    }

    /// Pods of a namespace that a selector selects.
    func pods(in namespace: String, selectedBy selector: LabelSelector) -> [Pod] {
        cluster.pods.filter { $0.namespace == namespace && selector.matches($0.labels) }
    }

    /// One peer of one rule of one policy, with its field path.
    struct PeerSite {
        var policy: NetworkPolicy
        var direction: PolicyDirection
        var rule: PolicyRule
        var peer: PolicyPeer
        /// `spec.ingress[0].from[1]`
        var path: String
    }

    /// Every peer of every rule of a direction the policy affects, in order.
    var peerSites: [PeerSite] {
        cluster.policies.flatMap { policy in
            PolicyDirection.allCases.filter(policy.affects).flatMap { direction in
                policy.rules(direction).enumerated().flatMap { ri, rule in
                    rule.peers.enumerated().map { pi, peer in
                        let key = direction == .ingress ? "ingress[\(ri)].from" : "egress[\(ri)].to"
                        return PeerSite(policy: policy, direction: direction, rule: rule, peer: peer, path: "spec.\(key)[\(pi)]")
                    }
                }
            }
        }
    }

    /// One entry of one rule's `ports`, with the pods it resolves on.
    struct PortSite {
        var policy: NetworkPolicy
        var rule: PolicyRule
        var port: PolicyPort
        /// For ingress the pods the policy selects, for egress the pods its peers match
        /// (every pod when it has none).
        var destinations: [Pod]
        /// `spec.egress[0].ports[1]`
        var path: String
    }

    /// Every port entry that `wanted` takes, of every rule of a direction its policy
    /// affects; destinations are computed only for rules with such an entry.
    func portSites(where wanted: (PolicyPort) -> Bool) -> [PortSite] {
        var out: [PortSite] = []
        for policy in cluster.policies {
            let selected = pods(in: policy.namespace, selectedBy: policy.podSelector)
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() where rule.ports.contains(where: wanted) {
                    let destinations =
                        direction == .ingress
                        ? selected
                        : cluster.pods.indices.filter { i in
                            rule.peers.isEmpty || rule.peers.contains { explainer.matches($0, policyNamespace: policy.namespace, .pod(i)) }
                        }.map { cluster.pods[$0] }
                    for (pi, port) in rule.ports.enumerated() where wanted(port) {
                        out.append(
                            PortSite(
                                policy: policy, rule: rule, port: port, destinations: destinations,
                                path: Self.rulePath(direction, ri) + ".ports[\(pi)]"))
                    }
                }
            }
        }
        return out
    }

    /// `spec.ingress[1]` / `spec.egress[0]`
    static func rulePath(_ direction: PolicyDirection, _ index: Int) -> String {
        "spec.\(direction == .ingress ? "ingress" : "egress")[\(index)]"
    }

    /// The policies isolating a pod in a direction.
    func isolating(_ pod: Pod, _ direction: PolicyDirection) -> [NetworkPolicy] {
        if pod.hostNetwork && options.hostNetwork == .bypass { return [] }
        return cluster.policies.filter { $0.affects(direction) && $0.selects(pod) }
    }
}

/// A lint rule: one per file, describing itself with examples that are also its tests.
public protocol LintRule: Sendable {
    var id: String { get }
    var severity: Diagnostic.Severity { get }
    /// One line: what is wrong.
    var summary: String { get }
    /// How to fix it.
    var hint: String { get }
    /// Manifests on which the rule must report something.
    var triggering: [String] { get }
    /// Manifests on which it must stay silent.
    var nonTriggering: [String] { get }
    func check(_ context: LintContext) -> [LintFinding]
}

extension LintRule {
    /// A finding of this rule at a policy (and a field of it).
    func finding(_ message: String, policy: NetworkPolicy? = nil, field: String? = nil, at location: SourceLocation? = nil) -> LintFinding {
        LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: location ?? policy?.location,
            object: policy.map(LintObject.policy), fieldPath: field)
    }

    /// A finding of this rule about a namespace as a whole.
    func finding(_ message: String, namespace: String, at location: SourceLocation?) -> LintFinding {
        LintFinding(
            ruleID: id, severity: severity, message: message, hint: hint, location: location, object: LintObject.namespace(namespace),
            fieldPath: nil)
    }
}

/// Port-53 helpers shared by the DNS rules.
enum DNS {
    static func allows(_ rule: PolicyRule, _ proto: NetworkProtocol) -> Bool {
        rule.ports.isEmpty
            || rule.ports.contains { p in
                guard p.proto == proto else { return false }
                switch p.port {
                case nil: return true
                case .number(let n): return n <= 53 && 53 <= (p.endPort ?? n)
                case .name(let name): return name.hasPrefix("dns")
                }
            }
    }
}
