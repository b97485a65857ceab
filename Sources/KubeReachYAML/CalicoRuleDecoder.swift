import KubeReachCore

/// One Calico rule and its `source`/`destination` entity rules, with the schema's
/// cross-field checks (ports need a protocol that has ports, ICMP fields need ICMP,
/// `services` excludes selectors and nets, `global()` only in a namespace selector).
enum CalicoRuleDecoder {
    static func read(_ field: Field) -> CalicoRule? {
        let sink = field.sink
        guard field.isMapping else {
            sink.error("a rule must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys([
            "action", "ipVersion", "protocol", "notProtocol", "icmp", "notICMP", "source", "destination", "http", "metadata",
        ])
        let actionField = field.child("action")
        var action: CalicoAction? = nil
        if let text = actionField.string() {
            action = CalicoAction(rawValue: text)
            if action == nil { sink.error("action must be Allow, Deny, Pass or Log, got '\(text)'", at: actionField) }
        } else if actionField.isMissing {
            sink.error("action is required", at: actionField)
        }
        var ipVersion: IPFamily? = nil
        let versionField = field.child("ipVersion")
        if let v = versionField.int() {
            switch v {
            case 4: ipVersion = .v4
            case 6: ipVersion = .v6
            default: sink.error("ipVersion must be 4 or 6, got \(v)", at: versionField)
            }
        }
        let proto = CalicoFields.protocolValue(field.child("protocol"))
        let notProto = CalicoFields.protocolValue(field.child("notProtocol"))
        var icmp: [String] = []
        var icmpMatches: [String: CalicoICMPMatch] = [:]
        for key in ["icmp", "notICMP"] {
            let icmpField = field.child(key)
            guard !icmpField.isMissing else { continue }
            icmpField.warnUnknownKeys(["type", "code"])
            let type = icmpField.child("type").int(), code = icmpField.child("code").int()
            if let type, !(0...254).contains(type) { sink.error("ICMP type must be 0-254", at: icmpField.child("type")) }
            if let code, !(0...255).contains(code) { sink.error("ICMP code must be 0-255", at: icmpField.child("code")) }
            if code != nil && type == nil { sink.error("ICMP code specified without an ICMP type", at: icmpField) }
            if proto != .icmp && proto != .icmpv6 { sink.error("\(key) requires protocol ICMP or ICMPv6", at: icmpField) }
            icmp.append(icmpField.path)
            if let type { icmpMatches[key] = CalicoICMPMatch(type: type, code: code) }
        }
        checkICMPVersion(proto, ipVersion, field.child("protocol"))
        checkICMPVersion(notProto, ipVersion, field.child("notProtocol"))
        let source = entity(field.child("source"), proto: proto)
        let destination = entity(field.child("destination"), proto: proto)
        var layer7: [String] = []
        let http = field.child("http")
        if !http.isMissing {
            if action != .allow { sink.error("an HTTP match is only valid on Allow rules", at: http) }
            if let proto, proto != .tcp { sink.error("rules with an HTTP match must have protocol TCP or none", at: http) }
            layer7.append(http.path)
        }
        guard let action, let source, let destination else { return nil }
        var rule = CalicoRule(
            action: action, ipVersion: ipVersion, proto: proto, notProto: notProto, icmpConditions: icmp, source: source,
            destination: destination, layer7Fields: layer7, location: field.location)
        rule.icmp = icmpMatches["icmp"]
        rule.notICMP = icmpMatches["notICMP"]
        return rule
    }

    private static func checkICMPVersion(_ proto: CalicoProtocol?, _ version: IPFamily?, _ field: Field) {
        if proto == .icmp && version == .v6 { field.sink.error("protocol ICMP requires ipVersion 4", at: field) }
        if proto == .icmpv6 && version == .v4 { field.sink.error("protocol ICMPv6 requires ipVersion 6", at: field) }
    }

    private static func entity(_ field: Field, proto: CalicoProtocol?) -> CalicoEntityRule? {
        if field.isMissing { return CalicoEntityRule() }
        guard field.isMapping else {
            field.sink.error("expected a map", at: field)
            return nil
        }
        field.warnUnknownKeys([
            "nets", "notNets", "selector", "notSelector", "namespaceSelector", "ports", "notPorts", "serviceAccounts", "services",
        ])
        let sink = field.sink
        var rule = CalicoEntityRule(
            nets: cidrs(field.child("nets")), notNets: cidrs(field.child("notNets")),
            selector: given(field.child("selector"), allowGlobal: false),
            notSelector: given(field.child("notSelector"), allowGlobal: false),
            namespaceSelector: given(field.child("namespaceSelector"), allowGlobal: true),
            ports: ports(field.child("ports"), proto: proto), notPorts: ports(field.child("notPorts"), proto: proto))
        let accounts = field.child("serviceAccounts")
        if !accounts.isMissing {
            accounts.warnUnknownKeys(["names", "selector"])
            rule.serviceAccountNames = accounts.child("names").sequence()?.compactMap { $0.string() }
            rule.serviceAccountSelector = given(accounts.child("selector"), allowGlobal: false)
        }
        let services = field.child("services")
        if !services.isMissing {
            services.warnUnknownKeys(["name", "namespace"])
            let name = services.child("name").string() ?? ""
            if name.isEmpty { sink.error("services must name a Service", at: services.child("name")) }
            let namespace = services.child("namespace").string().flatMap { $0.isEmpty ? nil : $0 }
            rule.service = CalicoServiceMatch(name: name, namespace: namespace)
            let conflicting = ["selector", "notSelector", "namespaceSelector", "nets", "notNets", "serviceAccounts"].filter {
                !field.child($0).isMissing
            }
            if !conflicting.isEmpty {
                sink.error("services cannot be combined with \(conflicting.joined(separator: ", ")) in one entity rule", at: services)
            }
        }
        return rule
    }

    /// An entity rule's selector field: an empty text is no condition (not `all()`), as
    /// libcalico-go's rule conversion reads it.
    private static func given(_ field: Field, allowGlobal: Bool) -> CalicoSelector? {
        field.string() == "" ? nil : CalicoFields.selector(field, allowGlobal: allowGlobal)
    }

    private static func cidrs(_ field: Field) -> [CIDR] {
        let list = field.sequence() ?? []
        if list.count > 256 { field.sink.error("at most 256 entries", at: field) }
        return list.compactMap(CalicoFields.net)
    }

    /// Numbers, `lo:hi` ranges and named ports; they need a protocol that has ports.
    private static func ports(_ field: Field, proto: CalicoProtocol?) -> [CalicoPort] {
        guard let list = field.sequence() else { return [] }
        if list.count > 50 { field.sink.error("at most 50 ports", at: field) }
        if !list.isEmpty && !(proto?.hasPorts ?? false) {
            field.sink.error("ports need the rule's protocol to be TCP, UDP, SCTP or UDPLite", at: field)
        }
        return list.compactMap(CalicoFields.port)
    }
}
