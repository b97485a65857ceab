import KubeReachCore
import Testing

/// Small builders for the canonical-policy table: each row names the rule it pins down.
enum Build {
    static func pod(
        _ ns: String, _ name: String, _ labels: [String: String] = [:], ip: String? = nil, ports: [ContainerPort] = [], host: Bool = false
    ) -> Pod {
        Pod(
            namespace: ns, name: name, labels: labels, ips: ip.flatMap { IPAddress($0) }.map { [$0] } ?? [], ports: ports, hostNetwork: host
        )
    }

    static func policy(
        _ ns: String, _ name: String = "p", select: LabelSelector = .everything, types: Set<PolicyDirection>? = nil,
        ingress: [PolicyRule] = [], egress: [PolicyRule] = []
    ) -> NetworkPolicy {
        NetworkPolicy(namespace: ns, name: name, podSelector: select, ingress: ingress, egress: egress, policyTypes: types)
    }

    static func rule(_ peers: [PolicyPeer] = [], _ ports: [PolicyPort] = []) -> PolicyRule { PolicyRule(peers: peers, ports: ports) }
    static func labels(_ l: [String: String]) -> LabelSelector { LabelSelector(matchLabels: l) }
    static func pods(_ l: [String: String]) -> PolicyPeer { .selector(pods: labels(l), namespaces: nil) }
    static func namespaces(_ l: [String: String]) -> PolicyPeer { .selector(pods: nil, namespaces: labels(l)) }
    static func podsIn(_ p: [String: String], _ n: [String: String]) -> PolicyPeer { .selector(pods: labels(p), namespaces: labels(n)) }
    static func block(_ cidr: String, except: [String] = []) -> PolicyPeer {
        .ipBlock(IPBlock(cidr: try! CIDR.parse(cidr), except: except.map { try! CIDR.parse($0) }))
    }
    static func tcp(_ n: Int, to end: Int? = nil) -> PolicyPort { PolicyPort(proto: .tcp, port: .number(n), endPort: end) }
    static func named(_ name: String, _ proto: NetworkProtocol = .tcp) -> PolicyPort { PolicyPort(proto: proto, port: .name(name)) }
    static func expr(_ key: String, _ op: LabelRequirement.Operator, _ values: [String] = []) -> LabelSelector {
        LabelSelector(matchExpressions: [LabelRequirement(key: key, op: op, values: values)])
    }
}

/// One row: in `cluster`, is `src` → `dst` on `proto`/`port` allowed? Endpoints are pod
/// names (`ns/name`) or IP addresses.
struct SemanticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var cluster: Cluster
    var src: String
    var dst: String
    /// nil: an IP protocol other than TCP, UDP and SCTP (ICMP, ...); `port` is then ignored.
    var proto: NetworkProtocol? = .tcp
    var port: Int = 80
    var allowed: Bool
    var options = EvaluationOptions()
    var testDescription: String { name }
}
