/// Nearest misses: the rule parts that came closest to admitting the connection.
extension Explainer {
    func peerMisses(_ rule: PolicyRule, _ ri: Int, _ policy: NetworkPolicy, _ endpoint: Endpoint) -> [NearMiss] {
        let ref = PolicyReference(name: policy.qualifiedName, location: policy.location)
        var out: [NearMiss] = []
        for (pi, peer) in rule.peers.enumerated() {
            func miss(_ kind: NearMiss.Kind, _ message: String) {
                out.append(NearMiss(kind: kind, policy: ref, ruleIndex: ri, peerIndex: pi, message: message))
            }
            switch (peer, endpoint) {
            case (.selector(let pods, let namespaces), .pod(let q)):
                let pod = cluster.pods[q]
                if let namespaces {
                    if !cluster.namespaces.contains(where: { namespaces.matches($0.labels) }) {
                        miss(
                            .namespaceSelectsNothing,
                            "namespaceSelector \(namespaces.description) matches no namespace (select one by kubernetes.io/metadata.name)")
                        continue
                    }
                    if !namespaces.matches(namespaceLabels(pod.namespace)) {
                        if let pods, pods.matches(pod.labels) {
                            miss(
                                .namespaceMismatch,
                                "podSelector \(pods.description) matches, but namespaceSelector \(namespaces.description) does not select namespace \(pod.namespace)"
                            )
                        } else if pods == nil {
                            miss(
                                .namespaceMismatch, "namespaceSelector \(namespaces.description) does not select namespace \(pod.namespace)"
                            )
                        }
                        continue
                    }
                } else if pod.namespace != policy.namespace {
                    if pods?.matches(pod.labels) ?? true {
                        miss(
                            .otherNamespace,
                            "podSelector \(pods?.description ?? "{}") without namespaceSelector only selects pods of namespace \(policy.namespace)"
                        )
                    }
                    continue
                }
                if let pods, let why = oneLabelAway(pods, pod.labels) {
                    miss(.podLabel, "podSelector \(pods.description) misses by one label: \(why)")
                }
            case (.ipBlock(let block), .external(let ip)):
                if block.cidr.range.contains(ip) {
                    miss(.addressNotInBlock, "\(ip) is inside \(block.cidr) but excluded by an except")
                }
            default:
                continue
            }
        }
        return out
    }

    /// The one requirement a label set fails, or nil when it fails none or several.
    func oneLabelAway(_ selector: LabelSelector, _ labels: [String: String]) -> String? {
        var failures: [String] = []
        for pair in selector.matchLabels where labels[pair.key] != pair.value {
            failures.append("needs \(pair.key)=\(pair.value), has \(labels[pair.key].map { "\(pair.key)=\($0)" } ?? "no \(pair.key)")")
        }
        for req in selector.matchExpressions where !req.matches(labels) {
            failures.append("needs \(req.description), has \(labels[req.key].map { "\(req.key)=\($0)" } ?? "no \(req.key)")")
        }
        return failures.count == 1 ? failures[0] : nil
    }

    func portMisses(
        _ rule: PolicyRule, _ ri: Int, _ policy: NetworkPolicy, _ peerIndex: Int?, _ allowed: ConnectionSet,
        _ destinationPorts: [ContainerPort]?, _ query: (NetworkProtocol, Int)?
    ) -> [NearMiss] {
        let ref = PolicyReference(name: policy.qualifiedName, location: policy.location)
        var out: [NearMiss] = []
        for port in rule.ports {
            guard case .name(let name) = port.port else { continue }
            let declared = destinationPorts?.contains { $0.name == name && $0.proto == port.proto } ?? false
            if !declared {
                let target = destinationPorts == nil ? "an external destination" : "the destination"
                out.append(
                    NearMiss(
                        kind: .namedPortUndeclared, policy: ref, ruleIndex: ri, peerIndex: peerIndex,
                        message: "named port \(name)/\(port.proto.rawValue) is not declared by \(target)"))
            }
        }
        let asked = query.map { " (asked: \($0.0.rawValue) \($0.1))" } ?? ""
        out.append(
            NearMiss(
                kind: .portNotAllowed, policy: ref, ruleIndex: ri, peerIndex: peerIndex,
                message: "the peer matches, but the rule allows only \(allowed.description)\(asked)"))
        return out
    }
}
