import KubeReachCore

/// One Cilium rule: peers (endpoints, entities, CIDRs, CIDR sets and groups), `toPorts`
/// and `icmps`; L7 parts and runtime-only peers are read and recorded, never dropped.
enum CiliumRuleDecoder {
    static func read(_ field: Field, direction: PolicyDirection, deny: Bool) -> CiliumRule? {
        let sink = field.sink
        guard field.isMapping else {
            // `- {}` is a rule; a bare `-` is null: the same rule with nothing in it.
            if !field.isMissing { sink.error("a rule must be a map", at: field) }
            return CiliumRule(location: field.location)
        }
        let p = direction == .ingress ? "from" : "to"
        var known: Set<String> = ["\(p)Endpoints", "\(p)Entities", "\(p)CIDR", "\(p)CIDRSet", "\(p)Requires", "toPorts", "icmps"]
        var runtimeKeys: [String] = []
        if direction == .egress { runtimeKeys += ["toFQDNs", "toServices", "toGroups"] } else { runtimeKeys += ["fromGroups"] }
        known.formUnion(runtimeKeys)
        known.insert("authentication")
        if direction == .egress { known.insert("toNodes") } else { known.insert("fromNodes") }
        field.warnUnknownKeys(known)
        var rule = CiliumRule(location: field.location)
        var anyPeer = false
        let endpointsField = field.child("\(p)Endpoints")
        if let list = endpointsField.sequence() {
            anyPeer = true
            rule.endpoints = list.compactMap { CiliumSelectorDecoder.read($0) }
            for selector in rule.endpoints where !selector.requiredForeignSourceKeys.isEmpty {
                rule.runtime.append("selects reserved identities by label (\(selector.requiredForeignSourceKeys.joined(separator: ",")))")
            }
        }
        if let list = field.child("\(p)Entities").sequence() {
            anyPeer = true
            for item in list {
                guard let text = item.string() else { continue }
                guard let entity = CiliumEntity(rawValue: text) else {
                    sink.error(
                        "unknown entity '\(text)' (\(CiliumEntity.allCases.map(\.rawValue).sorted().joined(separator: ", ")))", at: item)
                    continue
                }
                rule.entities.append(entity)
                if entity.hasUnloadedMembers { rule.runtime.append("entity \(text)") }
            }
        }
        if let list = field.child("\(p)CIDR").sequence() {
            anyPeer = true
            rule.cidrs += list.compactMap { IPBlockDecoder.cidr($0).map { .block(IPBlock(cidr: $0)) } }
        }
        if let list = field.child("\(p)CIDRSet").sequence() {
            anyPeer = true
            rule.cidrs += list.compactMap(cidrSet)
        }
        let requires = field.child("\(p)Requires")
        if !requires.isMissing {
            sink.error("\(p)Requires (deprecated) is not evaluated: rewrite it as selectors on each rule", at: requires)
        }
        let nodes = field.child(direction == .ingress ? "fromNodes" : "toNodes")
        if !nodes.isMissing {
            anyPeer = true
            rule.runtime.append(direction == .ingress ? "fromNodes" : "toNodes")
        }
        for key in runtimeKeys where !field.child(key).isMissing {
            anyPeer = true
            rule.runtime.append(key)
        }
        let auth = field.child("authentication")
        if !auth.isMissing { rule.runtime.append("authentication") }
        rule.hasPeerField = anyPeer
        readPorts(field, into: &rule, deny: deny)
        return rule
    }

    private static func cidrSet(_ field: Field) -> CiliumCIDRPeer? {
        guard field.isMapping else {
            field.sink.error("a CIDR set entry must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(["cidr", "except", "cidrGroupRef", "cidrGroupSelector"])
        let excepts = (field.child("except").sequence() ?? []).compactMap { IPBlockDecoder.cidr($0) }
        if let group = field.child("cidrGroupRef").string() { return .group(name: group, except: excepts) }
        if !field.child("cidrGroupSelector").isMissing {
            field.sink.error("cidrGroupSelector is not evaluated: name the group with cidrGroupRef", at: field.child("cidrGroupSelector"))
            return nil
        }
        let cidrField = field.child("cidr")
        guard let cidr = IPBlockDecoder.cidr(cidrField) else { return nil }
        for (e, ef) in zip(excepts, field.child("except").sequence() ?? []) where !(cidr.range.contains(e.range) && e != cidr) {
            field.sink.warning("except \(e) is not inside \(cidr): it excludes nothing", at: ef)
        }
        return .block(IPBlock(cidr: cidr, except: excepts.filter { cidr.range.contains($0.range) && $0 != cidr }))
    }

    /// `toPorts` and `icmps`. An empty list is as if not written (Cilium's L3-only rule); an
    /// entry without ports or fields covers nothing.
    private static func readPorts(_ field: Field, into rule: inout CiliumRule, deny: Bool) {
        let toPorts = field.child("toPorts"), icmps = field.child("icmps")
        if let entries = icmps.sequence(), !entries.isEmpty {
            rule.icmps = entries.flatMap(CiliumICMPDecoder.read)
        }
        guard let entries = toPorts.sequence(), !entries.isEmpty else { return }
        var ports: [CiliumPort] = []
        for entry in entries {
            entry.warnUnknownKeys(["ports", "rules", "serverNames", "terminatingTLS", "originatingTLS", "listener"])
            let list = entry.child("ports").sequence() ?? []
            if list.isEmpty { entry.sink.warning("a toPorts entry without ports covers no port", at: entry) }
            for p in list { if let port = CiliumPortDecoder.read(p) { ports.append(port) } }
            for key in ["rules", "serverNames", "terminatingTLS", "originatingTLS", "listener"] where !entry.child(key).isMissing {
                if deny { field.sink.error("\(key) is not allowed in a deny rule (L3/L4 only)", at: entry.child(key)) }
                let kinds = key == "rules" ? (entry.child(key).entries() ?? []).map { "L7 \($0.key)" } : [key]
                rule.l7 += kinds
            }
        }
        rule.ports = ports
    }
}

/// `toPorts[].ports[]`: `port` as a number, a numeric string or a name; `endPort`; `protocol`.
enum CiliumPortDecoder {
    static func read(_ field: Field) -> CiliumPort? {
        let sink = field.sink
        guard field.isMapping else {
            sink.error("a port must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(["port", "endPort", "protocol"])
        var proto = CiliumProtocol.any
        if let text = field.child("protocol").string() {
            guard let p = CiliumProtocol(rawValue: text.uppercased()) else {
                sink.error("unsupported protocol '\(text)' (TCP, UDP, SCTP or ANY)", at: field.child("protocol"))
                return nil
            }
            proto = p
        }
        let portField = field.child("port")
        let endPort = field.child("endPort").int()
        guard let text = portField.string() else { return CiliumPort(proto: proto, endPort: endPort) }
        if let n = Int(text) {
            guard (0...65535).contains(n) else {
                sink.error("port \(n) is outside 0-65535", at: portField)
                return nil
            }
            if let endPort, endPort < n || endPort > 65535 {
                sink.error("endPort \(endPort) must be between port and 65535", at: field.child("endPort"))
                return nil
            }
            return CiliumPort(proto: proto, number: n, endPort: endPort)
        }
        if endPort != nil { sink.error("endPort needs a numeric port", at: field.child("endPort")) }
        guard text.count <= 15, text.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            sink.error("invalid port name '\(text)'", at: portField)
            return nil
        }
        return CiliumPort(proto: proto, name: text)
    }
}
