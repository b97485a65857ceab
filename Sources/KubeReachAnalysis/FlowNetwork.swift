/// A flow network with integer capacities and Dinic's maximum flow: breadth-first levels,
/// then blocking flows along level-increasing paths with a current-edge pointer per node.
struct FlowNetwork {
    static let infinite = Int.max / 4

    /// Edge `e` and its reverse `e ^ 1`.
    private var to: [Int] = [], capacity: [Int] = []
    private var adjacent: [[Int]]

    init(nodes: Int) { adjacent = Array(repeating: [], count: nodes) }

    mutating func add(_ a: Int, _ b: Int, _ c: Int) {
        adjacent[a].append(to.count)
        to.append(b)
        capacity.append(c)
        adjacent[b].append(to.count)
        to.append(a)
        capacity.append(0)
    }

    /// Pushes a maximum flow from `s` to `t` (no path of infinite capacity may join them).
    /// - Complexity: O(V² E) in general, O(E √V) with unit capacities.
    mutating func maximize(from s: Int, to t: Int) {
        while let level = levels(from: s, stopAt: t) {
            var next = [Int](repeating: 0, count: adjacent.count)
            while pushPath(from: s, to: t, level: level, next: &next) {}
        }
    }

    /// Which nodes `s` still reaches through edges with capacity left.
    func reachable(from s: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: adjacent.count), stack = [s]
        seen[s] = true
        while let a = stack.popLast() {
            for e in adjacent[a] where capacity[e] > 0 && !seen[to[e]] {
                seen[to[e]] = true
                stack.append(to[e])
            }
        }
        return seen
    }

    private func levels(from s: Int, stopAt t: Int) -> [Int]? {
        var level = [Int](repeating: -1, count: adjacent.count), queue = [s], head = 0
        level[s] = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            for e in adjacent[a] where capacity[e] > 0 && level[to[e]] < 0 {
                level[to[e]] = level[a] + 1
                queue.append(to[e])
            }
        }
        return level[t] < 0 ? nil : level
    }

    /// One augmenting path along increasing levels (edges that lead nowhere are skipped for
    /// the rest of the phase); false when the phase's flow is blocking.
    private mutating func pushPath(from s: Int, to t: Int, level: [Int], next: inout [Int]) -> Bool {
        var path: [Int] = [], a = s
        while a != t {
            var advanced = false
            while next[a] < adjacent[a].count {
                let e = adjacent[a][next[a]]
                if capacity[e] > 0 && level[to[e]] == level[a] + 1 {
                    path.append(e)
                    a = to[e]
                    advanced = true
                    break
                }
                next[a] += 1
            }
            if advanced { continue }
            guard let e = path.popLast() else { return false }
            a = to[e ^ 1]
            next[a] += 1
        }
        let pushed = path.map { capacity[$0] }.min()!
        for e in path {
            capacity[e] -= pushed
            capacity[e ^ 1] += pushed
        }
        return true
    }
}
