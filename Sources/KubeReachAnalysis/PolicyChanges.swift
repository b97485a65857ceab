import KubeReachCore

/// The policy objects that differ between two inputs — what a reviewer of a pull request
/// sees first, before what it does to connectivity: NetworkPolicies and admin policies
/// (AdminNetworkPolicy, BaselineAdminNetworkPolicy) added, removed or modified, by kind,
/// namespace and name. Modified means any field differs; where an object was written (file,
/// line, whether the namespace was spelt out) is not a change.
public struct PolicyChanges: Sendable, Equatable {
    /// One policy object: `NetworkPolicy shop-api/default-deny`, `AdminNetworkPolicy deny-x`.
    public struct Object: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var kind: String
        /// nil for cluster-scoped kinds.
        public var namespace: String?
        public var name: String

        public var description: String { "\(kind) " + (namespace.map { "\($0)/" } ?? "") + name }

        public static func < (l: Self, r: Self) -> Bool { (l.kind, l.namespace ?? "", l.name) < (r.kind, r.namespace ?? "", r.name) }
    }

    /// Each sorted by kind, namespace, name.
    public var added: [Object]
    public var removed: [Object]
    public var modified: [Object]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }

    /// No change at all (a comparison of two sides that hold the same policies by design).
    public static let none = PolicyChanges(added: [], removed: [], modified: [])

    private init(added: [Object], removed: [Object], modified: [Object]) {
        self.added = added
        self.removed = removed
        self.modified = modified
    }

    /// - Complexity: O(P log P) for P policy objects on both sides.
    public init(old: Cluster, new: Cluster) {
        let before = Self.objects(old), after = Self.objects(new)
        added = after.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { after[$0] == nil }.sorted()
        modified = after.keys.filter { k in before[k].map { $0 != after[k] } ?? false }.sorted()
    }

    /// Every policy object by identity, with its content without source locations.
    static func objects(_ c: Cluster) -> [Object: Content] {
        var out: [Object: Content] = [:]
        for p in c.policies {
            out[Object(kind: "NetworkPolicy", namespace: p.namespace, name: p.name)] = .network(Self.unlocated(p))
        }
        for p in c.adminPolicies {
            let kind =
                p.api == .v1alpha2 ? "ClusterNetworkPolicy" : p.tier == .baseline ? "BaselineAdminNetworkPolicy" : "AdminNetworkPolicy"
            out[Object(kind: kind, namespace: nil, name: p.name)] = .admin(Self.unlocated(p))
        }
        for p in c.calico.policies {
            let kind = (p.staged ? "Staged" : "") + (p.scope == .global ? "GlobalNetworkPolicy" : "NetworkPolicy")
            var unlocated = p
            unlocated.location = SourceLocation(file: "")
            for i in unlocated.ingress.indices { unlocated.ingress[i].location = SourceLocation(file: "") }
            for i in unlocated.egress.indices { unlocated.egress[i].location = SourceLocation(file: "") }
            out[Object(kind: "projectcalico.org \(kind)", namespace: p.namespace, name: p.name)] = .calico(unlocated)
        }
        return out
    }

    enum Content: Hashable {
        case network(NetworkPolicy)
        case admin(AdminNetworkPolicy)
        case calico(CalicoPolicy)
    }

    static func unlocated(_ p: NetworkPolicy) -> NetworkPolicy {
        var p = p
        p.location = nil
        p.namespaceWritten = true
        for i in p.ingress.indices { p.ingress[i].location = nil }
        for i in p.egress.indices { p.egress[i].location = nil }
        return p
    }

    static func unlocated(_ p: AdminNetworkPolicy) -> AdminNetworkPolicy {
        var p = p
        p.location = nil
        for i in p.ingress.indices { p.ingress[i].location = nil }
        for i in p.egress.indices { p.egress[i].location = nil }
        return p
    }
}
