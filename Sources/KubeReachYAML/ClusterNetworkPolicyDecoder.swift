import KubeReachCore

/// `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy (Docs/semantics.md §9), read
/// into the one tiered-policy model with the schema's checks at their field paths: tier,
/// priority 0–1000, one subject form, one field per peer, 1–25 rules per direction, 1–25
/// peers, `protocols` entries with exactly one protocol and a number or an inclusive range
/// (`start < end`), and no named port beside a `networks`/`nodes`/`domainNames` peer. A peer
/// with only unknown fields fails closed (a warning says how); `domainNames` are kept and
/// reported as decided at runtime.
enum ClusterNetworkPolicyDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> AdminNetworkPolicy {
        let spec = root.child("spec"), sink = root.sink
        if spec.isMissing { sink.error("spec is required", at: spec) }
        if header.apiVersion != "policy.networking.k8s.io/v1alpha2" {
            sink.warning(
                "ClusterNetworkPolicy is served as policy.networking.k8s.io/v1alpha2: read as that version", at: root.child("apiVersion"))
        }
        AdminPolicyDecoder.rejectUnknown(spec, known: ["tier", "priority", "subject", "ingress", "egress"])
        let tier = self.tier(spec.child("tier"))
        let priorityField = spec.child("priority")
        var priority: Int? = nil
        if priorityField.isMissing {
            sink.error("spec.priority is required (0-1000)", at: priorityField)
        } else if let p = priorityField.int() {
            if (0...1000).contains(p) { priority = p } else { sink.error("priority \(p) is outside 0-1000", at: priorityField) }
        }
        let subjectField = spec.child("subject")
        if subjectField.isMissing { sink.error("spec.subject is required (namespaces or pods)", at: subjectField) }
        let subject = subjectField.isMissing ? nil : AdminPolicyDecoder.selection(subjectField, what: "subject")
        return AdminNetworkPolicy(
            tier: tier ?? .admin, name: header.name, priority: priority,
            subject: subject ?? .namespaces(LabelSelector(matchLabels: [:], matchExpressions: [])),
            ingress: rules(spec.child("ingress"), direction: .ingress), egress: rules(spec.child("egress"), direction: .egress),
            location: header.location, api: .v1alpha2)
    }

    private static func tier(_ field: Field) -> AdminNetworkPolicy.Tier? {
        guard let text = field.string() else {
            if field.isMissing { field.sink.error("spec.tier is required (Admin or Baseline)", at: field) }
            return nil
        }
        switch text {
        case "Admin": return .admin
        case "Baseline": return .baseline
        default:
            field.sink.error("tier must be Admin or Baseline, got '\(text)'", at: field)
            return nil
        }
    }

    private static func rules(_ field: Field, direction: PolicyDirection) -> [AdminRule] {
        let list = field.sequence() ?? []
        if list.count > 25 { field.sink.error("at most 25 \(direction.rawValue.lowercased()) rules (found \(list.count))", at: field) }
        return list.enumerated().compactMap { index, ruleField in rule(ruleField, index: index, direction: direction) }
    }

    private static func rule(_ ruleField: Field, index: Int, direction: PolicyDirection) -> AdminRule? {
        let sink = ruleField.sink
        guard ruleField.isMapping else {
            sink.error("a rule must be a map", at: ruleField)
            return nil
        }
        let peersKey = direction == .ingress ? "from" : "to"
        AdminPolicyDecoder.rejectUnknown(ruleField, known: ["name", "action", peersKey, "protocols"])
        let action = self.action(ruleField.child("action"))
        let nameField = ruleField.child("name")
        if let n = nameField.string(), n.count > 100 { sink.error("a rule name has at most 100 characters", at: nameField) }
        let peersField = ruleField.child(peersKey)
        let peerList = peersField.sequence() ?? []
        if peerList.isEmpty {
            sink.error("\(peersKey) needs at least one peer", at: peersField)
        } else if peerList.count > 25 {
            sink.error("at most 25 peers in \(peersKey)", at: peersField)
        }
        let peers = peerList.compactMap { peer($0, direction: direction) }
        let protocolsField = ruleField.child("protocols")
        let protocolList = protocolsField.sequence() ?? []
        if !protocolsField.isMissing && protocolList.isEmpty {
            sink.error("protocols, when set, needs at least one entry", at: protocolsField)
        }
        if protocolList.count > 25 { sink.error("at most 25 protocols entries", at: protocolsField) }
        let ports = protocolList.compactMap(port)
        let rule = AdminRule(
            name: nameField.string() ?? "\(direction.rawValue.lowercased())[\(index)]", action: action ?? .deny, peers: peers,
            ports: ports, location: ruleField.location)
        checkPeersAgainstPorts(rule, at: ruleField, action: ruleField.child("action"))
        guard action != nil, peers.count == peerList.count, ports.count == protocolList.count else { return nil }
        return rule.failingClosed()
    }

    private static func action(_ field: Field) -> AdminAction? {
        guard let text = field.string() else {
            if field.isMissing { field.sink.error("action is required (Accept, Deny or Pass)", at: field) }
            return nil
        }
        switch text {
        case "Accept": return .allow
        case "Deny": return .deny
        case "Pass": return .pass
        case "Allow":
            field.sink.error("action must be Accept, Deny or Pass (v1alpha2 renamed Allow to Accept)", at: field)
            return nil
        default:
            field.sink.error("action must be Accept, Deny or Pass, got '\(text)'", at: field)
            return nil
        }
    }

    /// The schema's rule against named ports beside address peers, and what the runtime
    /// and fail-closed peers mean, said at the rule.
    private static func checkPeersAgainstPorts(_ rule: AdminRule, at field: Field, action: Field) {
        let sink = field.sink
        let addressPeer = rule.peers.contains {
            switch $0 {
            case .networks, .nodes, .domainNames: true
            case .pods, .unrecognized: false
            }
        }
        if addressPeer && rule.hasNamedPorts {
            sink.error(
                "a destinationNamedPort cannot be used with networks, nodes or domainNames peers (they have no named ports)", at: field)
        }
        if rule.hasDomainNames {
            sink.warning(
                rule.action == .allow
                    ? "rule '\(rule.name)': domainNames are resolved by the plugin at runtime; kubereach counts them as matching nothing (decided at runtime, never 'allowed')"
                    : "rule '\(rule.name)': domainNames are supported for Accept rules only; read as matching nothing", at: field)
        }
        if rule.peers.contains(where: \.isUnrecognized) {
            sink.warning(
                rule.action == .allow
                    ? "rule '\(rule.name)': a peer with no known field fails closed: this Accept rule matches nothing there"
                    : "rule '\(rule.name)': a peer with no known field fails closed: this \(rule.action.rawValue) rule is read as Deny of all traffic",
                at: action)
        }
    }

    private static func peer(_ field: Field, direction: PolicyDirection) -> AdminPeer? {
        let known = direction == .ingress ? ["namespaces", "pods"] : ["namespaces", "pods", "nodes", "networks", "domainNames"]
        guard field.isMapping, let entries = field.entries() else {
            field.sink.error("a peer must be a map with one of \(known.joined(separator: ", "))", at: field)
            return nil
        }
        let set = entries.filter { known.contains($0.key) && !$0.value.isMissing }
        let unknown = entries.filter { !known.contains($0.key) }
        if set.isEmpty {
            guard !unknown.isEmpty else {
                field.sink.error("set exactly one of \(known.joined(separator: ", "))", at: field)
                return nil
            }
            for (key, value) in unknown {
                field.sink.warning("unknown peer field '\(key)' (a newer API version?): the peer fails closed", at: value)
            }
            return .unrecognized(unknown.map(\.key))
        }
        for (key, value) in unknown { field.sink.error("unknown field '\(key)' beside \(set[0].key)", at: value) }
        guard unknown.isEmpty else { return nil }
        guard set.count == 1 else {
            field.sink.error(
                "set exactly one of \(known.joined(separator: ", ")) (found \(set.map(\.key).joined(separator: ", ")))", at: field)
            return nil
        }
        let (key, value) = set[0]
        switch key {
        case "networks": return networks(value)
        case "nodes": return AdminPolicyDecoder.strictSelector(value).map { .nodes($0) }
        case "domainNames": return domainNames(value)
        default: return AdminPolicyDecoder.selection(field, what: "peer").map { .pods($0) }
        }
    }

    private static func networks(_ value: Field) -> AdminPeer? {
        let list = value.sequence() ?? []
        if list.isEmpty || list.count > 25 { value.sink.error("networks needs 1-25 CIDRs", at: value) }
        let cidrs = list.compactMap(IPBlockDecoder.cidr)
        return cidrs.count == list.count && !cidrs.isEmpty ? .networks(cidrs) : nil
    }

    private static func domainNames(_ value: Field) -> AdminPeer? {
        let list = value.sequence() ?? []
        if list.isEmpty || list.count > 25 { value.sink.error("domainNames needs 1-25 names", at: value) }
        var names: [String] = []
        for entry in list {
            guard let name = entry.string() else { continue }
            guard DomainNamePattern.isValid(name) else {
                entry.sink.error("invalid domain name '\(name)' (exact names, or '*.' followed by a name)", at: entry)
                continue
            }
            names.append(name)
        }
        return names.count == list.count && !names.isEmpty ? .domainNames(names) : nil
    }

    /// One `protocols` entry: exactly one of `tcp`/`udp`/`sctp` (with `destinationPort`:
    /// `number` or `range`) or `destinationNamedPort`.
    private static func port(_ field: Field) -> AdminPort? {
        guard let (key, value) = AdminPolicyDecoder.oneOf(field, allowed: ["tcp", "udp", "sctp", "destinationNamedPort"]) else {
            return nil
        }
        if key == "destinationNamedPort" {
            guard let name = value.string() else { return nil }
            guard PortValueDecoder.isServiceName(name) else {
                value.sink.error("invalid named port '\(name)'", at: value)
                return nil
            }
            return .named(name)
        }
        let proto: NetworkProtocol = key == "tcp" ? .tcp : key == "udp" ? .udp : .sctp
        AdminPolicyDecoder.rejectUnknown(value, known: ["destinationPort"])
        let portField = value.child("destinationPort")
        if portField.isMissing {
            value.sink.error("\(key) needs destinationPort (number or range)", at: value)
            return nil
        }
        guard let (form, body) = AdminPolicyDecoder.oneOf(portField, allowed: ["number", "range"]) else { return nil }
        if form == "number" { return AdminPolicyDecoder.number(body, required: true).map { .number(proto, $0) } }
        AdminPolicyDecoder.rejectUnknown(body, known: ["start", "end"])
        guard let start = AdminPolicyDecoder.number(body.child("start"), required: true),
            let end = AdminPolicyDecoder.number(body.child("end"), required: true)
        else { return nil }
        guard start < end else {
            body.sink.error("range start \(start) must be less than end \(end)", at: body)
            return nil
        }
        return .range(proto, start, end)
    }
}

/// The API's DomainName pattern: an exact name, or `*.` then a name; labels of letters,
/// digits, `-` and `_` (not at either end); an optional final dot.
enum DomainNamePattern {
    static func isValid(_ text: String) -> Bool {
        var name = Substring(text)
        if name.hasPrefix("*.") { name = name.dropFirst(2) }
        if name.hasSuffix(".") { name = name.dropLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            let allowed = label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            return allowed && first.isASCII && (first.isLetter || first.isNumber) && (last.isLetter || last.isNumber)
        }
    }
}
