import KubeReachCore

/// A readable, line-per-object text of a cluster, printed with a differential mismatch so
/// that a failing seed can be understood (and turned into a table row) without a debugger.
enum ClusterDump {
    static func text(_ cluster: Cluster) -> String {
        var lines: [String] = []
        for ns in cluster.namespaces { lines.append("namespace \(ns.name) \(labels(ns.labels))") }
        for (i, pod) in cluster.pods.enumerated() {
            let ports = pod.ports.map { "\($0.name ?? "-"):\($0.port)/\($0.proto.rawValue)" }.joined(separator: " ")
            lines.append(
                "pod\(i) \(pod.qualifiedName) \(labels(pod.labels)) ips [\(pod.ips.map(\.description).joined(separator: " "))]"
                    + " ports [\(ports)]\(pod.hostNetwork ? " hostNetwork" : "") workload \(pod.workload)")
        }
        for policy in cluster.policies {
            let types = [policy.affectsIngress ? "Ingress" : nil, policy.affectsEgress ? "Egress" : nil].compactMap { $0 }
            lines.append(
                "policy \(policy.qualifiedName) select \(policy.podSelector.description) types [\(types.joined(separator: ","))]"
                    + [.listed: "", .absent: " (defaulted)", .empty: " (defaulted from [])"][policy.policyTypesSource, default: ""])
            for (d, rules) in [("ingress", policy.ingress), ("egress", policy.egress)] {
                for (r, rule) in rules.enumerated() {
                    let peers = rule.peers.isEmpty ? "any" : rule.peers.map(peer).joined(separator: " | ")
                    let ports = rule.ports.isEmpty ? "any" : rule.ports.map(port).joined(separator: " ")
                    lines.append("  \(d)[\(r)] peers \(peers) ports \(ports)")
                }
            }
        }
        for node in cluster.nodes { lines.append("node \(node.name) \(labels(node.labels)) \(node.addresses.map(\.description))") }
        for policy in cluster.adminPolicies {
            lines.append("\(policy.displayName) priority \(policy.priority.map(String.init) ?? "-") subject \(policy.subject)")
            for (d, rules) in [("ingress", policy.ingress), ("egress", policy.egress)] {
                for rule in rules { lines.append("  \(d) \(rule.name) \(rule.action.rawValue) peers \(rule.peers) ports \(rule.ports)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func labels(_ l: [String: String]) -> String {
        "{" + l.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
    }

    private static func peer(_ p: PolicyPeer) -> String {
        switch p {
        case .selector(let pods, let namespaces):
            let podText = pods.map { "pods \($0.description)" }
            let nsText = namespaces.map { "ns \($0.description)" } ?? "own ns"
            return [podText, nsText].compactMap { $0 }.joined(separator: " in ")
        case .ipBlock(let b):
            return "ipBlock \(b.description)"
        }
    }

    private static func port(_ p: PolicyPort) -> String {
        switch p.port {
        case nil: return "\(p.proto.rawValue)/*"
        case .number(let n): return "\(p.proto.rawValue)/\(n)" + (p.endPort.map { "-\($0)" } ?? "")
        case .name(let name): return "\(p.proto.rawValue)/\(name)"
        }
    }
}
