import KubeReachCore

extension DiffDotWriter {
    /// Unchanged edges with external ranges that reach (and are reached by) the same nodes
    /// with the same connections merged into one node, as the render diagram merges them:
    /// each side cuts the address space into many ranges, and drawing each would bury the
    /// changes. Ranges named by a diff entry are never merged (their edges differ anyway).
    /// Returns the edges (merged ranges replaced by their first one, deduplicated) and the
    /// ranges each merged node stands for, keyed by that first range.
    static func mergingExternalTwins(_ edges: [ConnectivityEdge], keep: Set<Endpoint>) -> ([ConnectivityEdge], [Endpoint: [IPRange]]) {
        let external = { (n: Endpoint) in n.isExternal && !keep.contains(n) }
        var signature: [Endpoint: [String]] = [:]
        for e in edges {
            if external(e.source) { signature[e.source, default: []].append("> \(e.destination) \(e.connections.description)") }
            if external(e.destination) { signature[e.destination, default: []].append("< \(e.source) \(e.connections.description)") }
        }
        var groups: [[String]: [Endpoint]] = [:]
        for (name, sig) in signature { groups[sig.sorted(), default: []].append(name) }
        var renamed: [Endpoint: Endpoint] = [:]
        var members: [Endpoint: [IPRange]] = [:]
        for names in groups.values where names.count > 1 {
            let sorted = names.sortedByName()
            members[sorted[0]] = sorted.compactMap(\.externalRange)
            for n in sorted { renamed[n] = sorted[0] }
        }
        var seen: Set<[Endpoint]> = []
        var out: [ConnectivityEdge] = []
        for var e in edges {
            e.source = renamed[e.source] ?? e.source
            e.destination = renamed[e.destination] ?? e.destination
            if seen.insert([e.source, e.destination]).inserted { out.append(e) }
        }
        return (out, members)
    }
}
