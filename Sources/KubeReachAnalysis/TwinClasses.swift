/// Nodes of a directed graph that no edge tells apart: the same role and the same
/// neighbours, in and out. Swapping two such twins maps the graph onto itself.
///
/// Two kinds: open twins have the same neighbour lists and no edge between them; closed twins
/// have the same lists once each counts itself in (so they are linked both ways). A node has
/// twins of at most one kind, so the classes are the groups of either kind.
struct TwinClasses {
    static let other: UInt8 = 0, source: UInt8 = 1, sink: UInt8 = 2

    /// The class of each node, numbered in the order of their first member.
    let classOf: [Int]
    /// The members of each class, ascending.
    let members: [[Int]]
    var count: Int { members.count }

    private struct Key: Hashable {
        var role: UInt8
        var out: [Int]
        var inc: [Int]
    }

    /// - Parameters: `out` and `inc` are sorted, without self-loops.
    /// - Complexity: O(nodes + edges) expected (the neighbour lists are hashed).
    init(out: [[Int]], inc: [[Int]], role: [UInt8]) {
        let n = out.count
        var open: [Key: Int] = [:], openGroups: [[Int]] = []
        for a in 0..<n {
            let key = Key(role: role[a], out: out[a], inc: inc[a])
            if let g = open[key] {
                openGroups[g].append(a)
            } else {
                open[key] = openGroups.count
                openGroups.append([a])
            }
        }
        open = [:]
        // Nodes without open twins, grouped again with themselves counted in.
        var closed: [Key: Int] = [:], groups: [[Int]] = []
        for g in openGroups {
            guard g.count == 1 else {
                groups.append(g)
                continue
            }
            let key = Key(role: role[g[0]], out: Self.inserting(g[0], out[g[0]]), inc: Self.inserting(g[0], inc[g[0]]))
            if let c = closed[key] {
                groups[c].append(g[0])
            } else {
                closed[key] = groups.count
                groups.append(g)
            }
        }
        // Members were appended in node order; classes are numbered by their first member.
        groups.sort { $0[0] < $1[0] }
        var classOf = [Int](repeating: -1, count: n)
        for (c, g) in groups.enumerated() { for a in g { classOf[a] = c } }
        self.classOf = classOf
        members = groups
    }

    private static func inserting(_ x: Int, _ sorted: [Int]) -> [Int] {
        var list = sorted
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        list.insert(x, at: lo)
        return list
    }
}
