/// A Pod Security Standards level (`pod-security.kubernetes.io/enforce: baseline`).
public enum PodSecurityLevel: String, Hashable, Sendable, Comparable, CaseIterable {
    case privileged, baseline, restricted

    public static func < (l: Self, r: Self) -> Bool { l.order < r.order }
    private var order: Int { [.privileged: 0, .baseline: 1, .restricted: 2][self] ?? 0 }
}

/// A namespace's Pod Security Admission labels for one mode (enforce, audit or warn).
public struct PodSecurityMode: Hashable, Sendable {
    public static let prefix = "pod-security.kubernetes.io/"
    public static let modes = ["enforce", "audit", "warn"]

    public var level: PodSecurityLevel
    /// `latest` or `v1.NN`; `latest` when not written.
    public var version: String

    public init(level: PodSecurityLevel, version: String = "latest") {
        self.level = level
        self.version = version
    }

    /// The mode's level and version from a namespace's labels; nil when the level label is
    /// absent (admission then applies `privileged`, the default) or not a level (the loader
    /// warns: the API server refuses such a namespace only with PSA's label validation).
    public static func read(_ mode: String, labels: [String: String]) -> PodSecurityMode? {
        guard let text = labels[prefix + mode], let level = PodSecurityLevel(rawValue: text) else { return nil }
        return PodSecurityMode(level: level, version: labels[prefix + mode + "-version"] ?? "latest")
    }
}

extension Namespace {
    /// The level Pod Security Admission enforces here: `privileged` (everything admitted) when not labelled.
    public var enforcedPodSecurity: PodSecurityMode {
        PodSecurityMode.read("enforce", labels: labels) ?? PodSecurityMode(level: .privileged)
    }
}
