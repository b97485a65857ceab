/// A ServiceAccount: whether pods that use it get its token mounted by default.
public struct ServiceAccount: Hashable, Sendable {
    public var namespace: String
    public var name: String
    /// `automountServiceAccountToken`; nil when not written (true). A pod's own field wins.
    public var automountToken: Bool?
    public var location: SourceLocation?
    /// `metadata.labels`: Calico's `serviceAccounts.selector` matches them (`pcsa.*`).
    public var labels: [String: String] = [:]

    public init(namespace: String, name: String, automountToken: Bool? = nil, location: SourceLocation? = nil) {
        self.namespace = namespace
        self.name = name
        self.automountToken = automountToken
        self.location = location
    }
}

/// A Secret's metadata only: its type and, for a token Secret, the service account it holds
/// a token of. The data is never read, kept or printed.
public struct SecretInfo: Hashable, Sendable {
    public static let serviceAccountTokenType = "kubernetes.io/service-account-token"
    public static let serviceAccountAnnotation = "kubernetes.io/service-account.name"

    public var namespace: String
    public var name: String
    /// `type`; `Opaque` when not written.
    public var type: String
    /// The `kubernetes.io/service-account.name` annotation.
    public var serviceAccountName: String?
    public var location: SourceLocation?

    public init(
        namespace: String, name: String, type: String = "Opaque", serviceAccountName: String? = nil, location: SourceLocation? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.type = type
        self.serviceAccountName = serviceAccountName
        self.location = location
    }

    /// A long-lived token of a service account (what TOKEN_LIST can steal).
    public var holdsServiceAccountToken: Bool { type == Self.serviceAccountTokenType && serviceAccountName != nil }
}
