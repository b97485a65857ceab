import KubeReachCore

/// `networking.k8s.io/v1` NetworkPolicy, with the API server's validation. Every problem is
/// reported at its field path; the caller rejects the policy when any error was found.
enum NetworkPolicyDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> NetworkPolicy {
        let spec = root.child("spec")
        let podSelector = SelectorDecoder.read(spec.child("podSelector")) ?? .everything
        var types: Set<PolicyDirection>? = nil
        if let list = spec.child("policyTypes").sequence() {
            types = []
            for item in list {
                guard let text = item.string() else { continue }
                if let d = PolicyDirection(rawValue: text) { types?.insert(d) } else {
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
        return policy
    }

    private static func rules(_ field: Field, peersKey: String, direction: PolicyDirection) -> [PolicyRule] {
        (field.sequence() ?? []).map { ruleField in
            if !ruleField.isMissing && !ruleField.isMapping { ruleField.sink.error("a rule must be a map", at: ruleField) }
            let peers = (ruleField.child(peersKey).sequence() ?? []).compactMap { peer($0) }
            let ports = (ruleField.child("ports").sequence() ?? []).compactMap { port($0) }
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
            sink.error("a peer must be a map", at: field)
            return nil
        }
        let podField = field.child("podSelector"), nsField = field.child("namespaceSelector"), ipField = field.child("ipBlock")
        let pods = SelectorDecoder.read(podField), namespaces = SelectorDecoder.read(nsField)
        if !ipField.isMissing {
            if pods != nil || namespaces != nil {
                sink.error("a peer cannot have both ipBlock and podSelector/namespaceSelector", at: field)
            }
            return ipBlock(ipField).map { .ipBlock($0) }
        }
        guard pods != nil || namespaces != nil else {
            sink.error("empty peer: set podSelector, namespaceSelector or ipBlock (an empty from/to list, not {}, means everything)", at: field)
            return nil
        }
        return .selector(pods: pods, namespaces: namespaces)
    }

    private static func ipBlock(_ field: Field) -> IPBlock? {
        let sink = field.sink
        let cidrField = field.child("cidr")
        guard let cidr = cidr(cidrField) else {
            if cidrField.isMissing { sink.error("ipBlock.cidr is required", at: cidrField) }
            return nil
        }
        var excepts: [CIDR] = []
        for e in field.child("except").sequence() ?? [] {
            guard let ex = self.cidr(e) else { continue }
            if ex.address.family != cidr.address.family {
                sink.error("except \(ex) is not of the same IP family as cidr \(cidr)", at: e)
            } else if !(cidr.range.contains(ex.range) && ex.prefixLength > cidr.prefixLength) {
                sink.error("except \(ex) is not strictly inside cidr \(cidr)", at: e)
            } else {
                excepts.append(ex)
            }
        }
        return IPBlock(cidr: cidr, except: excepts)
    }

    private static func cidr(_ field: Field) -> CIDR? {
        guard let text = field.string() else { return nil }
        do {
            let c = try CIDR.parse(text)
            if c.hasHostBits {
                field.sink.warning("\(text) has host bits set; it is read as \(c.range.first)/\(c.prefixLength)", at: field)
            }
            return c
        } catch {
            let why: String
            switch error {
            case .missingPrefix: why = "missing /prefix"
            case .invalidAddress(let a): why = "invalid address '\(a)'"
            case .invalidPrefix(let p): why = "invalid prefix length '\(p)'"
            }
            field.sink.error("invalid CIDR '\(text)': \(why)", at: field)
            return nil
        }
    }

    private static func port(_ field: Field) -> PolicyPort? {
        let sink = field.sink
        guard field.isMapping else {
            sink.error("a port entry must be a map", at: field)
            return nil
        }
        let proto = ProtocolDecoder.read(field.child("protocol")) ?? .tcp
        let portField = field.child("port"), endField = field.child("endPort")
        var value: PolicyPort.Value? = nil
        if !portField.isMissing {
            if portField.isPlainInteger {
                guard let n = portField.int(), (1...65535).contains(n) else {
                    sink.error("port must be in 1-65535", at: portField)
                    return nil
                }
                value = .number(n)
            } else if let name = portField.string() {
                guard isServiceName(name) else {
                    sink.error("invalid named port '\(name)': 1-15 lower-case letters, digits or '-', with at least one letter, no leading, trailing or double '-'", at: portField)
                    return nil
                }
                value = .name(name)
            } else {
                return nil
            }
        }
        var endPort: Int? = nil
        if !endField.isMissing {
            guard let end = endField.int() else { return nil }
            switch value {
            case .number(let start):
                guard end >= start && end <= 65535 else {
                    sink.error("endPort \(end) must be between port \(start) and 65535", at: endField)
                    return nil
                }
            case .name:
                sink.error("endPort cannot be used with a named port", at: endField)
                return nil
            case nil:
                sink.error("endPort needs a numeric port", at: endField)
                return nil
            }
            endPort = end
        }
        return PolicyPort(proto: proto, port: value, endPort: endPort)
    }

    /// IANA_SVC_NAME, as Kubernetes validates named ports.
    static func isServiceName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard (1...15).contains(u.count), u.first != 45, u.last != 45 else { return false }
        guard u.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else { return false }
        guard u.contains(where: { $0 >= 97 && $0 <= 122 }) else { return false }
        return !s.contains("--")
    }
}
