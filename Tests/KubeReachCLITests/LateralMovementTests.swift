import Foundation
import KubeReachAnalysis
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// Paths and blast radius on hand-built clusters whose answers are known, plus a naive
/// transitive closure check on random clusters.
@Suite struct LateralMovementTests {
    static let ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n"
    static func pod(_ name: String, _ ns: String, _ app: String, host: Bool = false) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: \(ns), labels: {app: \(app)}}\nspec: {hostNetwork: \(host), containers: [{name: c}]}\n---\n"
    }
    static func policy(_ name: String, _ ns: String, _ spec: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(ns)}\nspec:\n\(spec)\n---\n"
    }

    /// internet → a/web (443) → a/api (8080) → b/db (5432); default deny in both namespaces.
    static let threeHops =
        ns + pod("web", "a", "web") + pod("api", "a", "api") + pod("db", "b", "db")
        + policy("deny", "a", "  podSelector: {}\n  policyTypes: [Ingress, Egress]")
        + policy("deny", "b", "  podSelector: {}\n  policyTypes: [Ingress, Egress]")
        + policy(
            "web-in", "a",
            "  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443}]}]\n  egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 8080}]}]"
        )
        + policy(
            "api-in", "a",
            "  podSelector: {matchLabels: {app: api}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]\n  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}], ports: [{port: 5432}]}]"
        )
        + policy(
            "db-in", "b",
            "  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}, podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]"
        )

    func graph(_ text: String, options: EvaluationOptions = .init()) throws -> ReachabilityGraph {
        let cluster = try ManifestLoader.load([ManifestSource(name: "c.yaml", bytes: Array(text.utf8))]).cluster
        return ReachabilityGraph(Reachability(cluster: cluster, options: options))
    }

    @Test func shortestPathNeedsThreeHopsThroughTwoNamespaces() throws {
        let g = try graph(Self.threeHops)
        let paths = g.shortestPaths(from: g.nodes(.internet), to: g.nodes(.object(namespace: "b", kind: nil, name: "db")), k: 3)
        #expect(paths.count == 1)
        #expect(
            PathFormatter.line(g, paths[0])
                == "0.0.0.0-255.255.255.255[External] -[TCP 443]-> a/web[Pod] -[TCP 8080]-> a/api[Pod] -[TCP 5432]-> b/db[Pod]")
        #expect(
            g.shortestPaths(from: g.nodes(.internet), to: g.nodes(.object(namespace: "b", kind: nil, name: "db")), k: 3, maxHops: 2).isEmpty
        )
        #expect(
            g.shortestPaths(from: g.nodes(.internet), to: g.nodes(.object(namespace: "b", kind: nil, name: "db")), k: 3, port: (.tcp, 443))
                .isEmpty)
        let radius = g.blastRadius(from: g.nodes(.internet))
        #expect(radius.map { "\(g.names[$0.node]):\($0.hops)" } == ["a/web[Pod]:1", "a/api[Pod]:2", "b/db[Pod]:3"])
        let reverse = g.blastRadius(from: g.nodes(.object(namespace: "b", kind: nil, name: "db")), reverse: true)
        #expect(Set(reverse.map { g.names[$0.node] }) == ["a/api[Pod]", "a/web[Pod]", "0.0.0.0-255.255.255.255[External]"])
    }

    /// A hostNetwork pod that db admits bypasses a/'s default deny: web reaches db through it,
    /// unless policies are applied to hostNetwork pods.
    @Test func hostNetworkChangesTheAnswer() throws {
        let text =
            Self.threeHops + Self.pod("agent", "a", "agent", host: true)
            + Self.policy(
                "db-agent", "b",
                "  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: agent}}}]}]")
            + Self.policy(
                "web-agent", "a", "  podSelector: {matchLabels: {app: web}}\n  egress: [{to: [{podSelector: {matchLabels: {app: agent}}}]}]"
            )
        let db = EndpointReference.object(namespace: "b", kind: nil, name: "db"),
            web = EndpointReference.object(namespace: "a", kind: nil, name: "web")
        let bypass = try graph(text)
        let viaAgent = bypass.shortestPaths(from: bypass.nodes(web), to: bypass.nodes(db), k: 1)
        #expect(
            viaAgent.first.map { PathFormatter.line(bypass, $0) }
                == "a/web[Pod] -[All Connections]-> a/agent[Pod] (hostNetwork) -[All Connections]-> b/db[Pod]")
        let applied = try graph(text, options: EvaluationOptions(hostNetwork: .apply))
        let direct = applied.shortestPaths(from: applied.nodes(web), to: applied.nodes(db), k: 1)
        #expect(direct.first.map { PathFormatter.line(applied, $0) } == "a/web[Pod] -[TCP 8080]-> a/api[Pod] -[TCP 5432]-> b/db[Pod]")
    }

    @Test func kShortestAreDistinctAndRanked() throws {
        let g = try graph(Self.threeHops.replacing("policyTypes: [Ingress, Egress]", with: "policyTypes: [Ingress]"))
        let paths = g.shortestPaths(from: g.nodes(.namespace("a")), to: g.nodes(.object(namespace: "b", kind: nil, name: "db")), k: 5)
        #expect(Set(paths.map(\.nodes)).count == paths.count)
        #expect(paths.map(\.hops.count) == paths.map(\.hops.count).sorted())
    }

    @Test func orderInvariance() throws {
        let docs = Self.threeHops.components(separatedBy: "---\n").filter { !$0.isEmpty }
        let a = try graph(Self.threeHops), b = try graph(docs.reversed().joined(separator: "---\n"))
        #expect(a.names == b.names)
        let pa = a.blastRadius(from: a.nodes(.internet)).map { PathFormatter.line(a, $0.path) }
        let pb = b.blastRadius(from: b.nodes(.internet)).map { PathFormatter.line(b, $0.path) }
        #expect(pa == pb)
    }

    /// Blast radius equals the transitive closure computed naively from `list` text output,
    /// where an external range is never expanded unless it is the start (no transit).
    @Test func blastRadiusEqualsNaiveClosure() throws {
        for seed in UInt64(1)...40 {
            let text = SyntheticClusterText.make(seed: seed)
            let cluster = try ManifestLoader.load([ManifestSource(name: "r.yaml", bytes: Array(text.utf8))]).cluster
            let reach = Reachability(cluster: cluster)
            let g = ReachabilityGraph(reach)
            var adjacency: [String: Set<String>] = [:]
            for line in EdgeFormatter.render(reach.edges(level: .workload), as: .txt).split(separator: "\n") {
                let parts = line.components(separatedBy: " => ")
                adjacency[parts[0], default: []].insert(parts[1].components(separatedBy: " : ")[0])
            }
            for start in g.names {
                var seen: Set<String> = [start], frontier = [start]
                while let n = frontier.popLast() {
                    if n != start && n.hasSuffix("[External]") { continue }
                    for m in adjacency[n] ?? [] where seen.insert(m).inserted { frontier.append(m) }
                }
                seen.remove(start)
                let fast = Set(g.blastRadius(from: [g.nodes.firstIndex { $0.description == start }!]).map { g.names[$0.node] })
                #expect(fast == seen, "seed \(seed) from \(start)")
            }
        }
    }
}

/// Small seeded clusters as manifests, for checks that go through `list` output.
enum SyntheticClusterText {
    static func make(seed: UInt64) -> String {
        KubeReachSynthetic.SyntheticCluster(size: .init(pods: 40, namespaces: 4, policies: 12), seed: seed).manifests()
    }
}

/// Exposure on a cluster whose minimum cut is known: two internet-facing workloads reach the
/// database only through one API, so cutting api → db alone severs every path.
@Suite struct ExposureTests {
    typealias T = LateralMovementTests
    static let cluster =
        T.ns + T.pod("web1", "a", "web") + T.pod("web2", "a", "web") + T.pod("api", "a", "api")
        + "apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: b, labels: {app: db, tier: db}}\nspec: {containers: [{name: c}]}\n---\n"
        + T.policy("deny", "a", "  podSelector: {}\n  policyTypes: [Ingress, Egress]")
        + T.policy("deny", "b", "  podSelector: {}\n  policyTypes: [Ingress, Egress]")
        + T.policy(
            "web", "a",
            "  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443}]}]\n  egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]"
        )
        + T.policy(
            "api", "a",
            "  podSelector: {matchLabels: {app: api}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]\n  egress: [{to: [{namespaceSelector: {}}], ports: [{port: 5432}]}]"
        )
        + T.policy(
            "db-in", "b",
            "  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}], ports: [{port: 5432}]}]"
        )

    @Test func chokepointIsTheSingleEdgeIntoTheDatabase() throws {
        let c = try ManifestLoader.load([ManifestSource(name: "e.yaml", bytes: Array(Self.cluster.utf8))]).cluster
        let reach = Reachability(cluster: c)
        let g = ReachabilityGraph(reach)
        let r = g.exposure(reach)
        #expect(r.entries.map { g.names[$0.node] } == ["a/web1[Pod]", "a/web2[Pod]"])
        #expect(r.crownJewels.map { g.names[$0] } == ["b/db[Pod]"])
        #expect(
            r.paths.prefix(2).map { PathFormatter.line(g, $0) } == [
                "a/web1[Pod] -[All Connections]-> a/api[Pod] -[TCP 5432]-> b/db[Pod]",
                "a/web2[Pod] -[All Connections]-> a/api[Pod] -[TCP 5432]-> b/db[Pod]",
            ])
        #expect(r.paths.allSatisfy { g.names[$0.nodes.last!] == "b/db[Pod]" })
        #expect(r.chokepoints.map { "\(g.names[$0.from]) -> \(g.names[$0.to])" } == ["a/api[Pod] -> b/db[Pod]"])
        #expect(r.chokepoints.first?.change.contains("b/db-in spec.ingress[0]") == true)
    }

    @Test func exposureCommandOnTheExample() {
        let run = runCLI(["exposure", ExampleTests.example, "-o", "json"])
        #expect(run.status == 0)
        let doc = try? JSONDecoder().decode(ExposureDocument.self, from: Data(run.out.utf8))
        #expect(doc?.crownJewels == ["shop-data/postgres[StatefulSet]", "shop-data/redis[Deployment]"])
        #expect(doc?.chokepoints.isEmpty == false)
    }
}
