/// Names of what kubereach writes before publishing: hidden, beside the target, and
/// recognisable (`ManifestFiles.isOwnStaging`), so that neither a reader of the target's
/// parent nor kubereach's own directory walk takes a leftover for input.
enum StagingName {
    enum Role: String {
        /// A file being written, renamed over the target when whole.
        case temporary = "tmp"
        /// A directory being filled, swapped with (or renamed to) the target.
        case staging
        /// The previous directory, set aside until it is removed.
        case old
    }

    /// `.NAME.kubereach-ROLE-RANDOM`.
    static func make(for name: String, role: Role) -> String {
        ".\(name).kubereach-\(role.rawValue)-\(String(UInt64.random(in: .min ... .max), radix: 36))"
    }
}
