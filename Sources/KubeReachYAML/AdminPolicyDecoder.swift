import KubeReachCore

/// `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy and BaselineAdminNetworkPolicy,
/// validated as the API server's schema does (Docs/semantics.md §8). Fields of older
/// API versions (`sameLabels`, a `namespaceSelector` under `namespaces`) are errors, never
/// silently read as an empty selector that would match every namespace.
enum AdminPolicyDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> AdminNetworkPolicy {
        let tier: AdminNetworkPolicy.Tier = header.kind == "BaselineAdminNetworkPolicy" ? .baseline : .admin
        let spec = root.child("spec"), sink = root.sink
        if spec.isMissing { sink.error("spec is required", at: spec) }
        var priority: Int? = nil
        let priorityField = spec.child("priority")
        if tier == .admin {
            if priorityField.isMissing {
                sink.error("spec.priority is required (0-1000)", at: priorityField)
            } else if let p = priorityField.int() {
                if (0...1000).contains(p) { priority = p } else { sink.error("priority \(p) is outside 0-1000", at: priorityField) }
            }
        } else {
            if header.name != "default" {
                sink.error(
                    "a BaselineAdminNetworkPolicy must be named 'default' (the API server refuses other names)",
                    at: root.child("metadata").child("name"))
            }
            if !priorityField.isMissing { sink.error("a BaselineAdminNetworkPolicy has no priority", at: priorityField) }
        }
        let subjectField = spec.child("subject")
        let subject = subjectField.isMissing ? nil : selection(subjectField, what: "subject")
        if subjectField.isMissing { sink.error("spec.subject is required", at: subjectField) }
        return AdminNetworkPolicy(
            tier: tier, name: header.name, priority: priority,
            subject: subject ?? .namespaces(LabelSelector(matchLabels: [:], matchExpressions: [])),
            ingress: rules(spec.child("ingress"), direction: .ingress, tier: tier),
            egress: rules(spec.child("egress"), direction: .egress, tier: tier), location: header.location)
    }

    private static func rules(_ field: Field, direction: PolicyDirection, tier: AdminNetworkPolicy.Tier) -> [AdminRule] {
        let list = field.sequence() ?? []
        if list.count > 100 { field.sink.error("at most 100 rules per direction", at: field) }
        return list.enumerated().compactMap { index, ruleField in
            let sink = ruleField.sink
            guard ruleField.isMapping else {
                sink.error("a rule must be a map", at: ruleField)
                return nil
            }
            let actionField = ruleField.child("action")
            var action: AdminAction? = nil
            if let text = actionField.string() {
                action = AdminAction(rawValue: text)
                if action == nil || (tier == .baseline && action == .pass) {
                    sink.error("action must be \(tier == .admin ? "Allow, Deny or Pass" : "Allow or Deny"), got '\(text)'", at: actionField)
                    action = nil
                }
            } else if actionField.isMissing {
                sink.error("action is required", at: actionField)
            }
            let peersKey = direction == .ingress ? "from" : "to"
            let peersField = ruleField.child(peersKey)
            let peerList = peersField.sequence() ?? []
            if peerList.isEmpty && !peersField.isMissing || peersField.isMissing {
                sink.error("\(peersKey) needs at least one peer", at: peersField)
            }
            let peers = peerList.compactMap { peer($0, direction: direction) }
            let ports = (ruleField.child("ports").sequence() ?? []).compactMap(port)
            let name = ruleField.child("name").string() ?? "\(direction.rawValue.lowercased())[\(index)]"
            guard let action else { return nil }
            return AdminRule(name: name, action: action, peers: peers, ports: ports, location: ruleField.location)
        }
    }

    private static func peer(_ field: Field, direction: PolicyDirection) -> AdminPeer? {
        guard
            let entries = oneOf(
                field, allowed: direction == .ingress ? ["namespaces", "pods"] : ["namespaces", "pods", "nodes", "networks"])
        else { return nil }
        let (key, value) = entries
        switch key {
        case "networks":
            let list = value.sequence() ?? []
            if list.isEmpty { value.sink.error("networks needs at least one CIDR", at: value) }
            let cidrs = list.compactMap(IPBlockDecoder.cidr)
            return cidrs.count == list.count && !cidrs.isEmpty ? .networks(cidrs) : nil
        case "nodes":
            return strictSelector(value).map { .nodes($0) }
        default:
            return selection(field, what: "peer").map { .pods($0) }
        }
    }

    /// `namespaces: selector` or `pods: {namespaceSelector, podSelector}`.
    static func selection(_ field: Field, what: String) -> AdminSelection? {
        guard let (key, value) = oneOf(field, allowed: ["namespaces", "pods"]) else { return nil }
        if key == "namespaces" { return strictSelector(value).map { .namespaces($0) } }
        guard value.isMapping else {
            value.sink.error("pods must be a map with namespaceSelector and podSelector", at: value)
            return nil
        }
        rejectUnknown(value, known: ["namespaceSelector", "podSelector"])
        let nsField = value.child("namespaceSelector"), podField = value.child("podSelector")
        // The schema requires both; manifests that omit one are common, and the peer tool
        // reads a missing selector as `{}`. So do we, loudly.
        for (missing, name) in [(nsField, "namespaceSelector"), (podField, "podSelector")] where missing.isMissing {
            value.sink.warning(
                "\(what) pods without \(name): read as \(name): {} (every \(name == "podSelector" ? "pod" : "namespace")); the API server requires it",
                at: missing)
        }
        guard let ns = strictSelector(nsField), let pods = strictSelector(podField) else { return nil }
        return .pods(namespaces: ns, pods: pods)
    }

    /// Exactly one of the `allowed` keys set.
    static func oneOf(_ field: Field, allowed: [String]) -> (String, Field)? {
        guard field.isMapping else {
            field.sink.error("expected a map with one of \(allowed.joined(separator: ", "))", at: field)
            return nil
        }
        rejectUnknown(field, known: Set(allowed))
        let set = allowed.map { ($0, field.child($0)) }.filter { !$0.1.isMissing }
        guard set.count == 1 else {
            field.sink.error(
                "set exactly one of \(allowed.joined(separator: ", "))\(set.isEmpty ? "" : " (found \(set.map(\.0).joined(separator: ", ")))")",
                at: field)
            return nil
        }
        return set[0]
    }

    /// A label selector with nothing but matchLabels and matchExpressions.
    static func strictSelector(_ field: Field) -> LabelSelector? {
        if field.isMissing { return .everything }
        rejectUnknown(field, known: ["matchLabels", "matchExpressions"])
        return SelectorDecoder.read(field, warnUnknownKeys: false)
    }

    static func rejectUnknown(_ field: Field, known: Set<String>) {
        guard field.isMapping else { return }
        for (key, value) in field.entries() ?? [] where !known.contains(key) {
            field.sink.error(
                "unknown field '\(key)' (expected \(known.sorted().joined(separator: ", ")); older API versions are not read)", at: value)
        }
    }

    private static func port(_ field: Field) -> AdminPort? {
        guard let (key, value) = oneOf(field, allowed: ["portNumber", "portRange", "namedPort"]) else { return nil }
        let sink = value.sink
        switch key {
        case "namedPort":
            guard let name = value.string() else { return nil }
            guard PortValueDecoder.isServiceName(name) else {
                sink.error("invalid named port '\(name)'", at: value)
                return nil
            }
            return .named(name)
        case "portNumber":
            rejectUnknown(value, known: ["protocol", "port"])
            let proto = ProtocolDecoder.read(value.child("protocol")) ?? .tcp
            guard let n = number(value.child("port"), required: true) else { return nil }
            return .number(proto, n)
        default:
            rejectUnknown(value, known: ["protocol", "start", "end"])
            let proto = ProtocolDecoder.read(value.child("protocol")) ?? .tcp
            guard let start = number(value.child("start"), required: true), let end = number(value.child("end"), required: true) else {
                return nil
            }
            guard start <= end else {
                sink.error("portRange start \(start) is after end \(end)", at: value)
                return nil
            }
            return .range(proto, start, end)
        }
    }

    static func number(_ field: Field, required: Bool) -> Int? {
        if field.isMissing {
            if required { field.sink.error("a port number is required", at: field) }
            return nil
        }
        guard let n = field.int() else { return nil }
        guard (1...65535).contains(n) else {
            field.sink.error("port \(n) is outside 1-65535", at: field)
            return nil
        }
        return n
    }
}

/// A Node: labels, `status.addresses` (IP addresses only; host names are skipped) and
/// `spec.podCIDR(s)` (the cluster's pod addresses: not internet).
enum NodeDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> ClusterNode {
        var addresses: [IPAddress] = []
        for entry in root.child("status").child("addresses").sequence() ?? [] {
            guard let text = entry.child("address").string(), let address = IPAddress(text) else { continue }
            if !addresses.contains(address) { addresses.append(address) }
        }
        var podCIDRs: [CIDR] = []
        let spec = root.child("spec")
        for f in [spec.child("podCIDR")] + (spec.child("podCIDRs").sequence() ?? []) where !f.isMissing {
            guard let text = f.string(), !text.isEmpty else { continue }
            guard let cidr = try? CIDR.parse(text) else {
                f.sink.warning("invalid pod CIDR '\(text)': ignored", at: f)
                continue
            }
            if !podCIDRs.contains(cidr) { podCIDRs.append(cidr) }
        }
        return ClusterNode(name: header.name, labels: header.labels, addresses: addresses, podCIDRs: podCIDRs)
    }
}
