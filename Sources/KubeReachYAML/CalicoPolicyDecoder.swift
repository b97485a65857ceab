import KubeReachCore

/// Calico's `NetworkPolicy`, `GlobalNetworkPolicy` and their staged forms
/// (`projectcalico.org/v3`, or `crd.projectcalico.org/v1` in dumps of the CRDs), validated
/// as Calico's API server does. Host-endpoint-only fields and application-layer matches are
/// kept as facts on the policy or rule, never dropped and never read as "match all".
enum CalicoPolicyDecoder {
    static let namespacedKinds: Set<String> = ["NetworkPolicy", "StagedNetworkPolicy"]
    static let globalKinds: Set<String> = ["GlobalNetworkPolicy", "StagedGlobalNetworkPolicy"]

    static func read(_ root: Field, header: ObjectHeader) -> CalicoPolicy {
        let spec = root.child("spec"), sink = root.sink
        let global = globalKinds.contains(header.kind)
        let staged = header.kind.hasPrefix("Staged")
        var known: Set<String> = ["tier", "order", "ingress", "egress", "selector", "types", "serviceAccountSelector", "performanceHints"]
        if global { known.formUnion(["namespaceSelector", "doNotTrack", "preDNAT", "applyOnForward"]) }
        if staged { known.insert("stagedAction") }
        spec.warnUnknownKeys(known)
        let tierField = spec.child("tier")
        let tier = tierField.string().flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let ingress = rules(spec.child("ingress"), direction: .ingress)
        let egress = rules(spec.child("egress"), direction: .egress)
        var hostOnly: [String] = []
        for key in ["doNotTrack", "preDNAT", "applyOnForward"] where global {
            let field = spec.child(key)
            if field.bool() == true { hostOnly.append(field.path) }
        }
        if staged, let action = spec.child("stagedAction").string(), !["Set", "Delete", "Learn", "Ignore"].contains(action) {
            sink.error("stagedAction must be Set, Delete, Learn or Ignore, got '\(action)'", at: spec.child("stagedAction"))
        }
        return CalicoPolicy(
            name: header.name, scope: global ? .global : .namespaced(header.namespace), tier: tier,
            order: CalicoFields.number(spec.child("order")),
            selector: CalicoFields.selector(spec.child("selector"), allowGlobal: false) ?? .all,
            namespaceSelector: global && spec.child("namespaceSelector").string() != ""
                ? CalicoFields.selector(spec.child("namespaceSelector"), allowGlobal: false) : nil,
            serviceAccountSelector: spec.child("serviceAccountSelector").string() == ""
                ? nil : CalicoFields.selector(spec.child("serviceAccountSelector"), allowGlobal: false),
            types: types(spec.child("types"), ingress: ingress, egress: egress), ingress: ingress, egress: egress, staged: staged,
            hostOnlyFields: hostOnly, location: header.location)
    }

    /// `spec.types`, or Calico's default when absent or empty.
    private static func types(_ field: Field, ingress: [CalicoRule], egress: [CalicoRule]) -> Set<PolicyDirection> {
        var out: Set<PolicyDirection> = []
        for entry in field.sequence() ?? [] {
            guard let text = entry.string() else { continue }
            switch text {
            case "Ingress": out.insert(.ingress)
            case "Egress": out.insert(.egress)
            default: entry.sink.error("types entries must be Ingress or Egress, got '\(text)'", at: entry)
            }
        }
        return out.isEmpty ? CalicoPolicy.defaultTypes(ingress: ingress, egress: egress) : out
    }

    private static func rules(_ field: Field, direction: PolicyDirection) -> [CalicoRule] {
        let list = field.sequence() ?? []
        if list.count > 1024 { field.sink.error("at most 1024 rules per direction", at: field) }
        return list.compactMap { CalicoRuleDecoder.read($0) }
    }
}
