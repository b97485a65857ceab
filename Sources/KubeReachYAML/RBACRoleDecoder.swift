import KubeReachCore

/// `rbac.authorization.k8s.io/v1` Role and ClusterRole: rules (verbs, apiGroups, resources,
/// resourceNames, nonResourceURLs) and a ClusterRole's `aggregationRule`.
enum RBACRoleDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> RBACRole {
        let isCluster = header.kind == "ClusterRole"
        root.warnUnknownKeys(
            isCluster ? ["apiVersion", "kind", "metadata", "rules", "aggregationRule"] : ["apiVersion", "kind", "metadata", "rules"])
        let rules = (root.child("rules").sequence() ?? []).compactMap { rule($0, clusterRole: isCluster) }
        var selectors: [LabelSelector]? = nil
        let aggregation = root.child("aggregationRule")
        if isCluster && !aggregation.isMissing {
            aggregation.warnUnknownKeys(["clusterRoleSelectors"])
            selectors = (aggregation.child("clusterRoleSelectors").sequence() ?? []).compactMap { SelectorDecoder.read($0) }
        }
        return RBACRole(
            kind: isCluster ? .clusterRole : .role, namespace: header.namespace, name: header.name, labels: header.labels, rules: rules,
            aggregationSelectors: selectors, location: header.location)
    }

    /// One rule, validated as the API server validates it: verbs required; a resource rule
    /// names apiGroups and resources; nonResourceURLs only in a ClusterRole and never mixed
    /// with resources.
    static func rule(_ f: Field, clusterRole: Bool) -> RBACRule? {
        guard f.isMapping else {
            f.sink.error("a rule must be a map", at: f)
            return nil
        }
        f.warnUnknownKeys(["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"])
        let r = RBACRule(
            verbs: strings(f.child("verbs")), apiGroups: strings(f.child("apiGroups")), resources: strings(f.child("resources")),
            resourceNames: strings(f.child("resourceNames")), nonResourceURLs: strings(f.child("nonResourceURLs")), location: f.location)
        if r.verbs.isEmpty { f.sink.error("verbs must contain at least one value", at: f.child("verbs")) }
        if !r.nonResourceURLs.isEmpty {
            if !clusterRole { f.sink.error("nonResourceURLs are only valid in a ClusterRole", at: f.child("nonResourceURLs")) }
            if !r.resources.isEmpty || !r.apiGroups.isEmpty {
                f.sink.error("a rule has either nonResourceURLs or apiGroups and resources, not both", at: f)
            }
        } else {
            if r.apiGroups.isEmpty { f.sink.error("resource rules must supply at least one api group", at: f.child("apiGroups")) }
            if r.resources.isEmpty { f.sink.error("resource rules must supply at least one resource", at: f.child("resources")) }
        }
        return r
    }

    private static func strings(_ f: Field) -> [String] { f.stringList() }
}

extension Field {
    /// A list of strings (empty when missing); an entry that is not a string is an error at its index.
    func stringList() -> [String] { (sequence() ?? []).compactMap { $0.isMissing ? "" : $0.string() } }
}
