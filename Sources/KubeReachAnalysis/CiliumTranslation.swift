import KubeReachCore

/// NetworkPolicies rewritten as CiliumNetworkPolicies with the same meaning on a Cilium
/// cluster, for `generate least-privilege --as cilium`: the subject becomes the endpoint
/// selector, pod and namespace selectors one endpoint selector (namespace labels as Cilium's
/// derived keys), `ipBlock` a CIDR set, ports `toPorts`; a direction in `policyTypes` with no
/// rule becomes `[{}]` (isolated, nothing allowed). What cannot be said is listed instead.
public struct CiliumTranslation: Sendable {
    public var policies: [CiliumPolicy] = []
    /// What has no Cilium form, one line each (`ns/name: ...`); empty when all translated.
    public var refusals: [String] = []

    public init(_ networkPolicies: [NetworkPolicy]) {
        for p in networkPolicies {
            var problems: [String] = []
            let subject = selector(pods: p.podSelector, namespaces: nil, problems: &problems)
            var spec = CiliumSpec(endpointSelector: subject, location: p.location)
            if p.affectsIngress { spec.ingress = rules(p.ingress, &problems) }
            if p.affectsEgress { spec.egress = rules(p.egress, &problems) }
            if problems.isEmpty {
                policies.append(CiliumPolicy(namespace: p.namespace, name: p.name, specs: [spec]))
            } else {
                refusals += Set(problems).sorted().map { "\(p.qualifiedName): \($0)" }
            }
        }
    }

    private func rules(_ rules: [PolicyRule], _ problems: inout [String]) -> [CiliumRule] {
        guard !rules.isEmpty else { return [CiliumRule()] }
        return rules.map { r in
            let ports = r.ports.isEmpty ? nil : r.ports.map(port)
            guard !r.peers.isEmpty else {
                return ports == nil ? CiliumRule(entities: [.all]) : CiliumRule(hasPeerField: false, ports: ports)
            }
            var out = CiliumRule(ports: ports)
            for peer in r.peers {
                switch peer {
                case .selector(let pods, let namespaces):
                    out.endpoints.append(selector(pods: pods ?? .everything, namespaces: namespaces, problems: &problems))
                case .ipBlock(let b): out.cidrs.append(.block(b))
                }
            }
            out.hasPeerField = true
            return out
        }
    }

    private func port(_ p: PolicyPort) -> CiliumPort {
        let proto: CiliumProtocol = p.proto == .tcp ? .tcp : p.proto == .udp ? .udp : .sctp
        switch p.port {
        case .number(let n)?: return CiliumPort(proto: proto, number: n, endPort: p.endPort)
        case .name(let name)?: return CiliumPort(proto: proto, name: name)
        case nil: return CiliumPort(proto: proto)
        }
    }

    /// Pod labels as they are (a key Cilium leaves out of identities cannot be selected);
    /// namespace labels as `io.kubernetes.pod.namespace` (the name label) or
    /// `io.cilium.k8s.namespace.labels.KEY`, an empty namespace selector as the namespace key
    /// `Exists` (every namespace, where a CNP would otherwise keep to its own).
    private func selector(pods: LabelSelector, namespaces: LabelSelector?, problems: inout [String]) -> CiliumSelector {
        for key in pods.keys where !CiliumLabels.isKept(key) {
            problems.append(
                "pod label '\(key)' is not part of Cilium identities (Cilium's label filter drops it), so no Cilium selector can match on it"
            )
        }
        var labels = Dictionary(pods.matchLabels.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        var expressions = pods.matchExpressions
        if let namespaces {
            func key(_ k: String) -> String { k == Namespace.nameLabel ? CiliumLabels.namespaceKey : CiliumLabels.namespaceLabelPrefix + k }
            for pair in namespaces.matchLabels { labels[key(pair.key)] = pair.value }
            expressions += namespaces.matchExpressions.map { LabelRequirement(key: key($0.key), op: $0.op, values: $0.values) }
            if namespaces.isEmpty { expressions.append(LabelRequirement(key: CiliumLabels.namespaceKey, op: .exists, values: [])) }
        }
        return CiliumSelector(LabelSelector(matchLabels: labels, matchExpressions: expressions))
    }
}
