/// The labels Calico's selectors see on an endpoint: the pod's own labels plus those Calico
/// adds (namespace, orchestrator, service account), and the labels it inherits from the
/// namespace's profile (`pcns.` + namespace label, `pcns.projectcalico.org/name`) and the
/// service account's profile (`pcsa.` + label, `pcsa.projectcalico.org/name`). The pod's
/// own labels win over inherited ones.
public enum CalicoLabels {
    public static let namespaceKey = "projectcalico.org/namespace"
    public static let orchestratorKey = "projectcalico.org/orchestrator"
    public static let serviceAccountKey = "projectcalico.org/serviceaccount"
    public static let nameKey = "projectcalico.org/name"
    public static let namespacePrefix = "pcns."
    public static let serviceAccountPrefix = "pcsa."

    /// The labels of a pod's workload endpoint.
    public static func ofPod(
        labels: [String: String], namespace: String, namespaceLabels: [String: String], serviceAccount: String,
        serviceAccountLabels: [String: String]
    ) -> [String: String] {
        var out = inherited(namespace: namespace, namespaceLabels: namespaceLabels)
        for (k, v) in serviceAccountLabels { out[serviceAccountPrefix + k] = v }
        out[serviceAccountPrefix + nameKey] = serviceAccount
        out[namespaceKey] = namespace
        out[orchestratorKey] = "k8s"
        out[serviceAccountKey] = serviceAccount
        for (k, v) in labels { out[k] = v }
        return out
    }

    /// The labels of a NetworkSet (namespaced: its namespace's too) or GlobalNetworkSet.
    public static func ofNetworkSet(_ set: CalicoNetworkSet, namespaceLabels: [String: String]) -> [String: String] {
        guard let namespace = set.namespace else { return set.labels }
        var out = inherited(namespace: namespace, namespaceLabels: namespaceLabels)
        out[namespaceKey] = namespace
        for (k, v) in set.labels { out[k] = v }
        return out
    }

    /// The namespace's labels as a `namespaceSelector` sees them (`projectcalico.org/name` added).
    public static func ofNamespace(_ name: String, labels: [String: String]) -> [String: String] {
        var out = labels
        out[nameKey] = name
        return out
    }

    private static func inherited(namespace: String, namespaceLabels: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in ofNamespace(namespace, labels: namespaceLabels) { out[namespacePrefix + k] = v }
        return out
    }
}
