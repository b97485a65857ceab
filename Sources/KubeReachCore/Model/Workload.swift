/// The object a pod is shown as: its top controller (Deployment, StatefulSet, ...) or itself.
public struct WorkloadRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String
    public var kind: String
    /// Set when the workload's pods differ in a way the policies read: which of its pod
    /// variants this is (`version=v2`, `!version` for "label absent", or `pod=NAME`).
    public var variant: String?

    public init(namespace: String, name: String, kind: String, variant: String? = nil) {
        self.namespace = namespace
        self.name = name
        self.kind = kind
        self.variant = variant
    }

    public static func < (l: Self, r: Self) -> Bool { l.description.utf8.lexicographicallyPrecedes(r.description.utf8) }

    /// `ns/name[Kind]`, or `ns/name[Kind]{version=v2}` for a variant.
    public var description: String { "\(namespace)/\(name)[\(kind)]" + (variant.map { "{\($0)}" } ?? "") }

    /// The same workload without its variant.
    public var whole: WorkloadRef { WorkloadRef(namespace: namespace, name: name, kind: kind) }
}
