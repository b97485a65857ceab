import KubeReachCore

/// What changed between two connectivity lists: pairs added, removed, and changed (with
/// the part widened and the part narrowed), plus group nodes that appear or disappear.
///
/// External ranges are compared as addresses, not names: both sides are cut on the union
/// of their range boundaries, compared atom by atom, and equal neighbouring results merged
/// again, so a range split differently on each side is not a change.
public struct ConnectivityDiff: Sendable, Equatable {
    /// One pair whose connections differ; `before` is empty for an added pair, `after` for
    /// a removed one.
    public struct Entry: Sendable, Hashable {
        public var source: Endpoint
        public var destination: Endpoint
        public var before: ConnectionSet
        public var after: ConnectionSet

        public init(source: Endpoint, destination: Endpoint, before: ConnectionSet, after: ConnectionSet) {
            self.source = source
            self.destination = destination
            self.before = before
            self.after = after
        }

        /// What NEW allows that OLD did not.
        public var widened: ConnectionSet { after.subtracting(before) }
        /// What OLD allowed that NEW does not.
        public var narrowed: ConnectionSet { before.subtracting(after) }
    }

    /// Pairs with nothing allowed before; sorted by source, then destination (byte order).
    public var added: [Entry]
    /// Pairs with nothing allowed after.
    public var removed: [Entry]
    /// Pairs allowed on both sides with different connections.
    public var changed: [Entry]
    /// Group nodes (workloads, pods or namespaces) only in NEW / only in OLD, sorted.
    public var nodesAdded: [Endpoint]
    public var nodesRemoved: [Endpoint]

    /// Whether NEW allows anything OLD did not (`--fail-on-widen`).
    public var widens: Bool { !added.isEmpty || changed.contains { !$0.widened.isEmpty } }

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && nodesAdded.isEmpty && nodesRemoved.isEmpty
    }

    /// - Complexity: O(E log E) for E edges between named nodes (a walk of both sorted lists;
    ///   linear when they come sorted, as `Reachability`'s do), plus O((X·A) log) for X external
    ///   edges and A atoms they are cut into.
    public init(old: ConnectivitySnapshot, new: ConnectivitySnapshot) {
        let cuts = DiffAtoms(old.externalRanges, new.externalRanges)
        // Pairs with an external end are compared atom by atom; the rest pair by pair.
        func split(_ side: ConnectivitySnapshot) -> (nodes: [ConnectivityEdge], external: ConnectivitySnapshot) {
            var external = side
            external.edges = []
            var nodes: [ConnectivityEdge] = []
            for e in side.edges {
                if e.source.isExternal || e.destination.isExternal { external.edges.append(e) } else { nodes.append(e) }
            }
            return (nodes, external)
        }
        let (oldNodes, oldExternal) = split(old), (newNodes, newExternal) = split(new)
        let pairs = DiffPairs.compare(oldNodes, newNodes)
        let before = cuts.expand(oldExternal), after = cuts.expand(newExternal)
        var entries: [DiffKind: [DiffAtoms.Key: Entry]] = [:]
        for key in Set(before.keys).union(after.keys) {
            let b = before[key] ?? .none, a = after[key] ?? .none
            if a == b { continue }
            let kind: DiffKind = b.isEmpty ? .added : a.isEmpty ? .removed : .changed
            entries[kind, default: [:]][key] = Entry(source: key.source, destination: key.destination, before: b, after: a)
        }
        let list = { (kind: DiffKind) in DiffPairs.merge(pairs[kind] ?? [], DiffAtoms.merged(entries[kind] ?? [:])) }
        added = list(.added)
        removed = list(.removed)
        changed = list(.changed)
        nodesAdded = Array(new.nodes.subtracting(old.nodes)).sortedByName()
        nodesRemoved = Array(old.nodes.subtracting(new.nodes)).sortedByName()
    }
}

enum DiffKind: Hashable {
    case added, removed, changed
}
