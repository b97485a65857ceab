import KubeReachAnalysis
import KubeReachCore

/// `diff -o json`: the summary counts, then the lists. Node lists keep the key names
/// `workloadsAdded`/`workloadsRemoved` whatever the level (`level` says what they hold).
public struct DiffDocument: Codable, Sendable {
    public struct Summary: Codable, Sendable, Equatable {
        public var added, removed, changed, widened, narrowed, workloadsAdded, workloadsRemoved: Int
        public var widens: Bool
    }

    public struct Pair: Codable, Sendable, Equatable {
        public var source: String
        public var destination: String
        public var connections: String
    }

    public struct Change: Codable, Sendable, Equatable {
        public var source: String
        public var destination: String
        public var before: String
        public var after: String
        public var widened: String
        public var narrowed: String
    }

    public var version = JSONOutput.version
    public var old: String
    public var new: String
    public var level: String
    public var summary: Summary
    public var added: [Pair]
    public var removed: [Pair]
    public var changed: [Change]
    public var workloadsAdded: [String]
    public var workloadsRemoved: [String]
    /// The policy objects added, removed and modified (a field added within version 1:
    /// readers that do not know it ignore it).
    public var policies: PolicyChangesDocument

    public init(_ diff: ConnectivityDiff, policies: PolicyChanges, old: String, new: String, level: AggregationLevel) {
        self.policies = PolicyChangesDocument(policies)
        self.old = old
        self.new = new
        self.level = level.rawValue
        summary = Summary(
            added: diff.added.count, removed: diff.removed.count, changed: diff.changed.count,
            widened: diff.changed.count { !$0.widened.isEmpty }, narrowed: diff.changed.count { !$0.narrowed.isEmpty },
            workloadsAdded: diff.nodesAdded.count, workloadsRemoved: diff.nodesRemoved.count, widens: diff.widens)
        let pair = { (e: ConnectivityDiff.Entry, c: ConnectionSet) in
            Pair(source: e.source.description, destination: e.destination.description, connections: c.description)
        }
        added = diff.added.map { pair($0, $0.after) }
        removed = diff.removed.map { pair($0, $0.before) }
        changed = diff.changed.map {
            Change(
                source: $0.source.description, destination: $0.destination.description, before: $0.before.description,
                after: $0.after.description, widened: $0.widened.description, narrowed: $0.narrowed.description)
        }
        workloadsAdded = diff.nodesAdded.map(\.description)
        workloadsRemoved = diff.nodesRemoved.map(\.description)
    }
}

/// `policies` of `DiffDocument`: each object as `{kind, namespace, name}` (`namespace`
/// null for cluster-scoped kinds).
public struct PolicyChangesDocument: Codable, Sendable, Equatable {
    public struct Object: Codable, Sendable, Equatable {
        public var kind: String
        @Nullable public var namespace: String?
        public var name: String
    }

    public var added: [Object]
    public var removed: [Object]
    public var modified: [Object]

    public init(_ p: PolicyChanges) {
        let doc = { (o: PolicyChanges.Object) in Object(kind: o.kind, namespace: o.namespace, name: o.name) }
        added = p.added.map(doc)
        removed = p.removed.map(doc)
        modified = p.modified.map(doc)
    }
}
