import KubeReachCore

extension DiagramGraph {
    /// Draws each set of at least `minimum` interchangeable workloads that all reach each
    /// other with the same connections as one group node.
    ///
    /// "Interchangeable" means true twins: besides reaching each other, they have the same
    /// edges (same connections) to and from every other node. Only then can one node stand
    /// for them without losing or inventing an edge. Twins stay inside one namespace.
    ///
    /// - Complexity: O(vertices + edges) to bucket by a twin-invariant key, then pairwise
    ///   checks inside each bucket (each stops at the first difference).
    func groupingTwins(minimum: Int) -> DiagramGraph {
        guard minimum >= 2 else { return self }
        var buckets: [BucketKey: [Int]] = [:]
        for v in vertices.indices where vertices[v].kind != .external {
            buckets[bucketKey(v), default: []].append(v)
        }
        var assigned = [Bool](repeating: false, count: vertices.count)
        var sets: [[Int]] = []
        var within: [String: Int] = [:]
        for a in vertices.indices where vertices[a].kind != .external && !assigned[a] {
            guard let bucket = buckets[bucketKey(a)], bucket.count >= minimum else { continue }
            var group = [a]
            var shared: Int? = nil
            for b in bucket where b > a && !assigned[b] {
                guard let c = twinConnection(a, b), shared == nil || shared == c else { continue }
                shared = c
                group.append(b)
            }
            guard group.count >= minimum, let shared else { continue }
            for v in group { assigned[v] = true }
            sets.append(group)
            within[vertices[a].id] = shared
        }
        var taken = Set(vertices.map(\.id))
        return contracted(sets) { parts in
            var v = parts[0]
            v.withinGroup = within[v.id]
            let base = "\(v.id) +\(parts.count - 1)"
            var id = base
            var n = 2
            while taken.contains(id) {
                id = "\(base) #\(n)"
                n += 1
            }
            taken.insert(id)
            v.id = id
            v.kind = .group
            v.members = parts.flatMap(\.members).sortedByName()
            return v
        }
    }

    /// What twins share: cluster, degrees, and sums over their closed neighbourhoods (a node's
    /// neighbours plus itself), which are equal for twins although their open ones differ.
    struct BucketKey: Hashable {
        var cluster: String?
        var outDegree: Int
        var inDegree: Int
        var outSum: UInt64
        var inSum: UInt64
    }

    private func bucketKey(_ v: Int) -> BucketKey {
        var outSum = Self.mix(v), inSum = Self.mix(v)
        for k in out[v].keys { outSum &+= Self.mix(k) }
        for k in inc[v].keys { inSum &+= Self.mix(k) }
        return BucketKey(cluster: vertices[v].cluster, outDegree: out[v].count, inDegree: inc[v].count, outSum: outSum, inSum: inSum)
    }

    /// SplitMix64's finaliser: spreads small indices over 64 bits.
    private static func mix(_ i: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: i) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The connection id a and b allow each other when they are twins, else nil.
    private func twinConnection(_ a: Int, _ b: Int) -> Int? {
        guard vertices[a].cluster == vertices[b].cluster, let c = out[a][b], out[b][a] == c,
            out[a].count == out[b].count, inc[a].count == inc[b].count
        else { return nil }
        for (k, x) in out[a] where k != b {
            guard out[b][k] == x else { return nil }
        }
        for (k, x) in inc[a] where k != b {
            guard inc[b][k] == x else { return nil }
        }
        return c
    }
}
