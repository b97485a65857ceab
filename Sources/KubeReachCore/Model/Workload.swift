/// The object a pod is shown as: its top controller (Deployment, StatefulSet, ...) or itself.
public struct WorkloadRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String
    public var kind: String

    public init(namespace: String, name: String, kind: String) {
        self.namespace = namespace
        self.name = name
        self.kind = kind
    }

    public static func < (l: Self, r: Self) -> Bool { l.description.utf8.lexicographicallyPrecedes(r.description.utf8) }

    /// `ns/name[Kind]`
    public var description: String { "\(namespace)/\(name)[\(kind)]" }
}
