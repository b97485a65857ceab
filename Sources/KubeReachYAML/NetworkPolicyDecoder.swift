import KubeReachCore

/// `networking.k8s.io/v1` NetworkPolicy, with the API server's validation. Every problem is
/// reported at its field path; the caller rejects the policy when any error was found.
enum NetworkPolicyDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> NetworkPolicy {
        let spec = root.child("spec")
        spec.warnUnknownKeys(["podSelector", "policyTypes", "ingress", "egress"])
        let podSelector = SelectorDecoder.read(spec.child("podSelector")) ?? .everything
        // Absent policyTypes stays nil and `[]` stays empty: the model defaults both.
        var types: Set<PolicyDirection>? = nil
        if let list = spec.child("policyTypes").sequence() {
            types = []
            for item in list {
                guard let text = item.string() else { continue }
                if let d = PolicyDirection(rawValue: text) {
                    types?.insert(d)
                } else {
                    root.sink.error("unknown policy type '\(text)' (Ingress or Egress)", at: item)
                }
            }
        }
        let ingress = rules(spec.child("ingress"), peersKey: "from", direction: .ingress)
        let egress = rules(spec.child("egress"), peersKey: "to", direction: .egress)
        var policy = NetworkPolicy(
            namespace: header.namespace, name: header.name, podSelector: podSelector, ingress: ingress, egress: egress,
            policyTypes: types, location: header.location)
        policy.namespaceWritten = header.namespaceWritten
        policy.annotations = header.annotations
        return policy
    }

    private static func rules(_ field: Field, peersKey: String, direction: PolicyDirection) -> [PolicyRule] {
        (field.sequence() ?? []).map { ruleField in
            // `- ` with nothing after it is a null rule: like `{}`, it allows everything.
            if !ruleField.isMissing && !ruleField.isMapping { ruleField.sink.error("a rule must be a map", at: ruleField) }
            ruleField.warnUnknownKeys([peersKey, "ports"])
            let peers = (ruleField.child(peersKey).sequence() ?? []).compactMap { peer($0) }
            let ports = (ruleField.child("ports").sequence() ?? []).compactMap { PolicyPortDecoder.read($0) }
            // An egress named port resolves on the peer pod, so towards addresses it never
            // matches (in ingress it resolves on the selected pod and is fine).
            let onlyAddresses = !peers.isEmpty && peers.allSatisfy { if case .ipBlock = $0 { true } else { false } }
            if direction == .egress && onlyAddresses && ports.contains(where: \.isNamed) {
                ruleField.sink.warning(
                    "named ports never match ipBlock peers (a name resolves on a pod's container ports): that part of the rule allows nothing",
                    at: ruleField.child("ports"))
            }
            return PolicyRule(peers: peers, ports: ports, location: ruleField.location)
        }
    }

    private static func peer(_ field: Field) -> PolicyPeer? {
        let sink = field.sink
        guard field.isMapping else {
            sink.error(field.isMissing ? "empty peer: set podSelector, namespaceSelector or ipBlock" : "a peer must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(["podSelector", "namespaceSelector", "ipBlock"])
        let podField = field.child("podSelector"), nsField = field.child("namespaceSelector"), ipField = field.child("ipBlock")
        let pods = SelectorDecoder.read(podField), namespaces = SelectorDecoder.read(nsField)
        if !ipField.isMissing {
            if !podField.isMissing || !nsField.isMissing {
                sink.error("a peer cannot have both ipBlock and podSelector/namespaceSelector", at: field)
            }
            return IPBlockDecoder.read(ipField).map { .ipBlock($0) }
        }
        guard !podField.isMissing || !nsField.isMissing else {
            sink.error(
                "empty peer: set podSelector, namespaceSelector or ipBlock (an empty from/to list, not {}, means everything)", at: field)
            return nil
        }
        return .selector(pods: pods, namespaces: namespaces)
    }
}
