import KubeReachCore

/// A namespace's `pod-security.kubernetes.io/*` labels: a level or version that Pod Security
/// Admission does not know is a warning at the label (admission then falls back to its
/// defaults, so the checks would not be what the label seems to say).
enum PodSecurityLabelCheck {
    static func warn(_ root: Field, labels: [String: String]) {
        let labelsField = root.child("metadata").child("labels")
        for mode in PodSecurityMode.modes {
            let key = PodSecurityMode.prefix + mode
            if let level = labels[key], PodSecurityLevel(rawValue: level) == nil {
                root.sink.warning("unknown Pod Security level '\(level)' (privileged, baseline or restricted)", at: labelsField.child(key))
            }
            if let version = labels[key + "-version"], !isVersion(version) {
                root.sink.warning("unknown Pod Security version '\(version)' (latest or v1.NN)", at: labelsField.child(key + "-version"))
            }
        }
    }

    /// `latest` or `v1.N`.
    static func isVersion(_ text: String) -> Bool {
        if text == "latest" { return true }
        guard text.hasPrefix("v1."), let minor = Int(text.dropFirst(3)) else { return false }
        return minor >= 0
    }
}
