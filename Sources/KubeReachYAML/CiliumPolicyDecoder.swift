import KubeReachCore

/// `cilium.io/v2` CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy: `spec` and every
/// element of `specs`, each a rule set. Unknown fields are reported at their path; a host
/// policy (`nodeSelector`) is read and reported as not evaluated.
enum CiliumPolicyDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> CiliumPolicy {
        let clusterwide = header.kind == "CiliumClusterwideNetworkPolicy"
        let namespace = clusterwide ? nil : header.namespace
        var specs: [CiliumSpec] = []
        let specField = root.child("spec"), specsField = root.child("specs")
        if !specField.isMissing, let spec = ruleSet(specField, namespace: namespace) { specs.append(spec) }
        for item in specsField.sequence() ?? [] {
            if let spec = ruleSet(item, namespace: namespace) { specs.append(spec) }
        }
        if specField.isMissing && specsField.isMissing {
            root.sink.error("a Cilium policy needs spec or specs", at: root)
        }
        return CiliumPolicy(namespace: namespace, name: header.name, specs: specs, location: header.location)
    }

    static let ruleSetKeys: Set<String> = [
        "endpointSelector", "nodeSelector", "ingress", "ingressDeny", "egress", "egressDeny", "enableDefaultDeny", "description",
        "labels", "log",
    ]

    private static func ruleSet(_ field: Field, namespace: String?) -> CiliumSpec? {
        guard field.isMapping else {
            field.sink.error("a rule set must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(ruleSetKeys)
        let endpointField = field.child("endpointSelector"), nodeField = field.child("nodeSelector")
        let endpoints = CiliumSelectorDecoder.read(endpointField)
        let nodes = CiliumSelectorDecoder.read(nodeField)
        if endpoints != nil && nodes != nil {
            field.sink.error("endpointSelector and nodeSelector cannot both be set", at: field)
        } else if endpoints == nil && nodes == nil {
            field.sink.error("a rule set needs endpointSelector (or nodeSelector in a clusterwide policy)", at: field)
        }
        if nodes != nil {
            if namespace != nil {
                field.sink.error("nodeSelector is only allowed in a CiliumClusterwideNetworkPolicy", at: nodeField)
            } else {
                field.sink.warning(
                    "host policy (nodeSelector): policies on nodes are not evaluated; traffic to and from node addresses is decided at runtime",
                    at: nodeField)
            }
        }
        let defaults = field.child("enableDefaultDeny")
        defaults.warnUnknownKeys(["ingress", "egress"])
        return CiliumSpec(
            endpointSelector: endpoints, nodeSelector: nodes,
            ingress: rules(field.child("ingress"), direction: .ingress, deny: false),
            ingressDeny: rules(field.child("ingressDeny"), direction: .ingress, deny: true),
            egress: rules(field.child("egress"), direction: .egress, deny: false),
            egressDeny: rules(field.child("egressDeny"), direction: .egress, deny: true),
            defaultDenyIngress: defaults.child("ingress").bool(), defaultDenyEgress: defaults.child("egress").bool(),
            location: field.location)
    }

    private static func rules(_ field: Field, direction: PolicyDirection, deny: Bool) -> [CiliumRule] {
        (field.sequence() ?? []).compactMap { CiliumRuleDecoder.read($0, direction: direction, deny: deny) }
    }
}

/// Cilium endpoint selectors: `matchLabels`/`matchExpressions` with label sources in keys.
enum CiliumSelectorDecoder {
    static func read(_ field: Field) -> CiliumSelector? {
        if field.isMissing { return nil }
        guard field.isMapping else {
            field.sink.error("a selector must be a map", at: field)
            return nil
        }
        field.warnUnknownKeys(["matchLabels", "matchExpressions"])
        // Values and operators are validated as Kubernetes does; keys are not (derived keys are long).
        var labels: [String: String] = [:]
        for (key, value) in field.child("matchLabels").entries() ?? [] {
            let v = value.isMissing ? "" : (value.string() ?? "")
            if let p = LabelValidation.problem(inValue: v) { field.sink.error("invalid label value '\(v)': \(p)", at: value) }
            labels[key] = v
        }
        var expressions: [LabelRequirement] = []
        for expr in field.child("matchExpressions").sequence() ?? [] {
            expr.warnUnknownKeys(["key", "operator", "values"])
            guard let key = expr.child("key").string() else {
                expr.sink.error("key is required", at: expr.child("key"))
                continue
            }
            guard let opText = expr.child("operator").string(), let op = LabelRequirement.Operator(rawValue: opText) else {
                expr.sink.error("operator must be In, NotIn, Exists or DoesNotExist", at: expr.child("operator"))
                continue
            }
            let values = (expr.child("values").sequence() ?? []).compactMap { $0.string() }
            if (op == .in || op == .notIn) == values.isEmpty {
                expr.sink.error(
                    "operator \(op.rawValue) \(values.isEmpty ? "needs values" : "must have no values")", at: expr.child("values"))
            }
            expressions.append(LabelRequirement(key: key, op: op, values: values))
        }
        return CiliumSelector(matchLabels: labels, matchExpressions: expressions)
    }
}
