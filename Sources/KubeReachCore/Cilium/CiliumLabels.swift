/// A pod's Cilium identity labels: its own labels minus those Cilium's default label
/// filter drops, plus the labels Cilium derives (namespace, namespace labels, service
/// account, cluster name). Endpoint selectors match these.
public enum CiliumLabels {
    public static let namespaceKey = "io.kubernetes.pod.namespace"
    public static let namespaceLabelPrefix = "io.cilium.k8s.namespace.labels."
    public static let serviceAccountKey = "io.cilium.k8s.policy.serviceaccount"
    public static let clusterKey = "io.cilium.k8s.policy.cluster"

    /// The identity labels of a pod in a namespace with these labels.
    public static func of(
        podLabels: [String: String], namespace: String, namespaceLabels: [String: String], serviceAccount: String?,
        clusterName: String
    ) -> [String: String] {
        var out = podLabels.filter { isKept($0.key) }
        out[namespaceKey] = namespace
        for (k, v) in namespaceLabels { out[namespaceLabelPrefix + k] = v }
        out[serviceAccountKey] = serviceAccount ?? "default"
        out[clusterKey] = clusterName
        return out
    }

    /// Whether Cilium's default label filter keeps a pod label key in the identity: keys
    /// of the `kubernetes.io` and `k8s.io` families (except `app.kubernetes.io`), and the
    /// per-pod hash and index labels, are dropped.
    public static func isKept(_ key: String) -> Bool {
        if droppedKeys.contains(key) { return false }
        guard let slash = key.firstIndex(of: "/") else { return true }
        let prefix = key[..<slash]
        if prefix == "app.kubernetes.io" { return true }
        return !(prefix.hasSuffix("kubernetes.io") || prefix.hasSuffix("k8s.io") || prefix.hasPrefix("io.kubernetes"))
    }

    static let droppedKeys: Set<String> = [
        "pod-template-hash", "controller-revision-hash", "pod-template-generation", "controller-uid", "job-name",
    ]
}
