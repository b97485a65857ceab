import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import SwiftGraph

/// Seconds taken by `body`, and its result.
func timed<T>(_ body: () -> T) -> (Double, T) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value)
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
print("| pods | workloads | edges | build: ours / SwiftGraph | blast radius ×200: ours / SwiftGraph | shortest path ×200: ours / SwiftGraph |")
print("|---|---|---|---|---|---|")
for pods in sizes.isEmpty ? [2_000, 10_000] : sizes {
    let size = SyntheticCluster.Size(pods: pods, namespaces: max(10, pods / 20), policies: pods / 2)
    let text = SyntheticCluster(size: size).manifests()
    let cluster = try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))]).cluster
    let reach = Reachability(cluster: cluster)
    let (oursBuild, graph) = timed { ReachabilityGraph(reach) }
    let (theirsBuild, theirs) = timed { () -> UnweightedGraph<String> in
        let g = UnweightedGraph<String>(vertices: graph.names)
        for (s, edges) in graph.outgoing.enumerated() { for e in edges { g.addEdge(fromIndex: s, toIndex: e.to, directed: true) } }
        return g
    }
    var rng = SplitMix64(seed: 42)
    let n = graph.names.count
    let starts = (0..<200).map { _ in Int(rng.next() % UInt64(n)) }
    let targets = (0..<200).map { _ in Int(rng.next() % UInt64(n)) }

    let (oursBlast, oursReached) = timed { starts.map { s in graph.blastRadius(from: [s]).count } }
    let (theirsBlast, theirsReached) = timed {
        starts.map { s -> Int in
            var count = 0
            _ = theirs.bfs(fromIndex: s, goalTest: { _ in false }, visitOrder: { $0 }, reducer: { _ in count += 1; return true })
            return count
        }
    }
    precondition(oursReached == theirsReached, "the two searches disagree on what is reachable")

    let (oursPath, oursLengths) = timed { zip(starts, targets).map { s, t in graph.shortestPaths(from: [s], to: [t], k: 1).first.map { $0.nodes.count - 1 } ?? -1 } }
    let (theirsPath, theirsLengths) = timed {
        zip(starts, targets).map { s, t -> Int in
            if s == t { return 0 }
            let route = theirs.bfs(fromIndex: s, toIndex: t)
            return route.isEmpty ? -1 : route.count
        }
    }
    let agree = zip(oursLengths, theirsLengths).allSatisfy { $0 == $1 || ($0 == -1 && $1 == 0) }
    let edges = graph.outgoing.map(\.count).reduce(0, +)
    func f(_ x: Double) -> String { String(format: "%.3f s", x) }
    print("| \(pods) | \(n) | \(edges) | \(f(oursBuild)) / \(f(theirsBuild)) | \(f(oursBlast)) / \(f(theirsBlast)) | \(f(oursPath)) / \(f(theirsPath))\(agree ? "" : " (lengths differ)") |")
}
