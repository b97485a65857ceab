import KubeReachCore

/// AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1) rewritten as
/// ClusterNetworkPolicies (v1alpha2), rule for rule: an ANP becomes an Admin CNP of the same
/// priority, the BANP a Baseline CNP at priority 1000 (the BANP is evaluated after every
/// Baseline CNP; 1000 is as late as a CNP goes); `Allow` becomes `Accept`; ports become
/// `protocols` (a one-port `portRange` a `number`, since v1alpha2 ranges need start < end).
/// An egress rule mixing named ports with `networks`/`nodes` peers (refused by v1alpha2) is
/// split in two: the `pods`/`namespaces` peers with every port, then the address peers with
/// the numbered ports. Pure; `AdminPolicyMigrationCheck` proves the result by simulation.
public struct AdminPolicyMigration: Sendable {
    /// One converted policy and what was done to it (written as a comment above it).
    public struct Converted: Sendable {
        public var policy: AdminNetworkPolicy
        public var reason: String
    }

    public let converted: [Converted]
    /// The input with every v1alpha1 admin policy replaced by its conversion.
    public let migrated: Cluster

    public init(cluster: Cluster) {
        let taken = Set(cluster.adminPolicies.filter { $0.api == .v1alpha2 }.map(\.name))
        var names = taken
        var out: [Converted] = []
        for policy in cluster.adminPolicies where policy.api == .v1alpha1 {
            var name = policy.name
            while names.contains(name) { name += "-migrated" }
            names.insert(name)
            out.append(Self.convert(policy, name: name))
        }
        converted = out
        var c = cluster
        c.adminPolicies = cluster.adminPolicies.filter { $0.api == .v1alpha2 } + out.map(\.policy)
        migrated = c
    }

    static func convert(_ p: AdminNetworkPolicy, name: String) -> Converted {
        var notes = ["Migrated from \(p.kind) \(p.name) (policy.networking.k8s.io/v1alpha1)."]
        if name != p.name { notes.append("Renamed: a ClusterNetworkPolicy \(p.name) already exists.") }
        if p.tier == .baseline {
            notes.append("Baseline tier at priority 1000: after every other Baseline policy, as the BANP was.")
        }
        var egress: [AdminRule] = []
        for rule in p.egress {
            let split = splitNamedPorts(rule)
            if split.count > 1 {
                notes.append("Egress rule '\(rule.name)' split: v1alpha2 refuses named ports beside networks/nodes peers.")
            }
            egress += split
        }
        let policy = AdminNetworkPolicy(
            tier: p.tier, name: name, priority: p.tier == .baseline ? 1000 : p.priority, subject: p.subject,
            ingress: p.ingress.map(convert), egress: egress.map(convert), location: p.location, api: .v1alpha2)
        return Converted(policy: policy, reason: notes.joined(separator: "\n"))
    }

    /// A one-port range as a number (v1alpha2 ranges need start < end).
    static func convert(_ rule: AdminRule) -> AdminRule {
        var r = rule
        r.ports = rule.ports.map {
            if case .range(let proto, let a, let b) = $0, a == b { return .number(proto, a) }
            return $0
        }
        return r
    }

    /// The rule, or two rules when it names ports beside address peers.
    static func splitNamedPorts(_ rule: AdminRule) -> [AdminRule] {
        let isAddress: (AdminPeer) -> Bool = {
            if case .pods = $0 { false } else { true }
        }
        guard rule.hasNamedPorts, rule.peers.contains(where: isAddress) else { return [rule] }
        var pods = rule, addresses = rule
        pods.peers = rule.peers.filter { !isAddress($0) }
        addresses.peers = rule.peers.filter(isAddress)
        addresses.ports = rule.ports.filter { if case .named = $0 { false } else { true } }
        addresses.name = rule.name + "-addresses"
        // With only named ports, the address peers matched nothing named: the half is dropped.
        return (pods.peers.isEmpty ? [] : [pods]) + (addresses.ports.isEmpty ? [] : [addresses])
    }
}

/// The proof of a migration: the input and the migrated cluster evaluated pod by pod; any
/// difference is the migration's failure.
public enum AdminPolicyMigrationCheck {
    public static func difference(_ migration: AdminPolicyMigration, original: Cluster, options: EvaluationOptions) -> ConnectivityDiff {
        ConnectivityComparison(old: original, new: migration.migrated, options: options, level: .pod).diff
    }
}
