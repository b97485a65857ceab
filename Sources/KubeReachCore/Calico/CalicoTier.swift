/// A Calico `Tier`: policies of a tier are evaluated together; tiers run in `order`.
public struct CalicoTier: Hashable, Sendable {
    /// What happens to traffic that a tier's applicable policies did not decide.
    public enum DefaultAction: String, Hashable, Sendable {
        case deny = "Deny"
        case pass = "Pass"
    }

    public var name: String
    /// nil sorts after every number.
    public var order: Double?
    public var defaultAction: DefaultAction
    public var location: SourceLocation?

    public init(name: String, order: Double?, defaultAction: DefaultAction = .deny, location: SourceLocation? = nil) {
        self.name = name
        self.order = order
        self.defaultAction = defaultAction
        self.location = location
    }

    /// The `default` tier Calico creates itself, at order 1,000,000 (libcalico-go's
    /// `DefaultTierOrder`), used when no Tier named `default` is loaded.
    public static let builtInDefault = CalicoTier(name: "default", order: 1_000_000)

    /// Tier order: by `order` (absent last), then by name.
    public static func evaluationOrder(_ a: CalicoTier, _ b: CalicoTier) -> Bool {
        CalicoOrder.precedes(a.order, a.name, b.order, b.name)
    }
}

/// A NetworkSet (namespaced) or GlobalNetworkSet: addresses with labels, which rule
/// selectors match like endpoints.
public struct CalicoNetworkSet: Hashable, Sendable {
    public var name: String
    /// nil for a GlobalNetworkSet.
    public var namespace: String?
    public var labels: [String: String]
    public var nets: [CIDR]
    public var location: SourceLocation?

    public init(name: String, namespace: String?, labels: [String: String], nets: [CIDR], location: SourceLocation? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.nets = nets
        self.location = location
    }
}

/// Calico's ordering of tiers and of policies within a tier.
public enum CalicoOrder {
    /// By order (nil = infinity, after every number), then by name byte-wise.
    public static func precedes(_ orderA: Double?, _ nameA: String, _ orderB: Double?, _ nameB: String) -> Bool {
        switch (orderA, orderB) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return nameA.utf8Precedes(nameB)
        }
    }
}
