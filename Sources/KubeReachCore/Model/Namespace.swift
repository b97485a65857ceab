/// A namespace and its labels. The loader always adds `kubernetes.io/metadata.name`.
public struct Namespace: Hashable, Sendable {
    public static let nameLabel = "kubernetes.io/metadata.name"

    public var name: String
    public var labels: [String: String]
    /// False when no manifest declared it and a reference created it.
    public var declared: Bool
    public var location: SourceLocation?
    /// The annotations the loader keeps (`Annotations.kept`); every other one is dropped.
    public var annotations: [String: String] = [:]

    public init(name: String, labels: [String: String] = [:], declared: Bool = true, location: SourceLocation? = nil) {
        self.name = name
        var l = labels
        l[Self.nameLabel] = name
        self.labels = l
        self.declared = declared
        self.location = location
    }
}
