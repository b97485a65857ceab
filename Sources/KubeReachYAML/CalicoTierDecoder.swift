import KubeReachCore

/// Calico `Tier`, `NetworkSet` and `GlobalNetworkSet` objects.
enum CalicoTierDecoder {
    static func tier(_ root: Field, header: ObjectHeader) -> CalicoTier {
        let spec = root.child("spec")
        spec.warnUnknownKeys(["order", "defaultAction"])
        var action = CalicoTier.DefaultAction.deny
        let actionField = spec.child("defaultAction")
        if let text = actionField.string() {
            if let parsed = CalicoTier.DefaultAction(rawValue: text) {
                action = parsed
            } else {
                root.sink.error("defaultAction must be Deny or Pass, got '\(text)'", at: actionField)
            }
        }
        return CalicoTier(
            name: header.name, order: CalicoFields.number(spec.child("order")), defaultAction: action, location: header.location)
    }

    static func networkSet(_ root: Field, header: ObjectHeader) -> CalicoNetworkSet {
        let spec = root.child("spec")
        spec.warnUnknownKeys(["nets", "allowedEgressDomains"])
        let domains = spec.child("allowedEgressDomains")
        if !domains.isMissing {
            root.sink.warning("allowedEgressDomains are resolved at runtime; kubereach matches only the listed nets", at: domains)
        }
        let nets = (spec.child("nets").sequence() ?? []).compactMap(CalicoFields.net)
        return CalicoNetworkSet(
            name: header.name, namespace: header.kind == "NetworkSet" ? header.namespace : nil, labels: header.labels, nets: nets,
            location: header.location)
    }
}
