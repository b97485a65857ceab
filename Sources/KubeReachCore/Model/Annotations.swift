/// The few annotations the loader keeps; the rest (often large, such as
/// `kubectl.kubernetes.io/last-applied-configuration`) never change an answer.
public enum Annotations {
    /// The namespace isolation of the pre-1.7 `extensions/v1beta1` NetworkPolicy API
    /// (`{"ingress": {"isolation": "DefaultDeny"}}`); ignored by every current cluster.
    public static let legacyIsolation = "net.beta.kubernetes.io/network-policy"
    /// Lint rule ids (comma-separated) not to report on the annotated policy or namespace.
    public static let lintDisable = "kubereach.io/lint-disable"

    public static let kept = [legacyIsolation, lintDisable]
}
