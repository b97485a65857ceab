import KubeReachCore
import Testing

/// The explanation path must reach the same verdicts as the engine.
@Suite struct ExplainerTests {
    @Test(arguments: [true, false])
    func explainerAgreesWithEngine(matchPods: Bool) {
        for seed in UInt64(1)...150 {
            let cluster = RandomCluster.make(seed: seed)
            let options = EvaluationOptions(ipBlockMatchesPods: matchPods)
            let engine = Reachability(cluster: cluster, options: options)
            let explainer = Explainer(cluster: cluster, options: options)
            for i in cluster.pods.indices {
                for j in cluster.pods.indices {
                    let e = explainer.explain(.pod(i), .pod(j), sourceName: "s", destinationName: "d")
                    #expect(e.allowed == engine.connections(fromPod: i, toPod: j), "seed \(seed) pod\(i)->pod\(j)")
                }
                for (x, range) in engine.externalSources.enumerated() {
                    let e = explainer.explain(.external(range.first), .pod(i), sourceName: "s", destinationName: "d")
                    #expect(e.allowed == engine.connections(fromExternal: x, toPod: i), "seed \(seed) \(range)->pod\(i)")
                }
            }
        }
    }

    @Test func rulesAndMissesAreNamed() throws {
        let web = Build.pod("a", "web", ["app": "web"]),
            db = Build.pod("a", "db", ["app": "db"], ports: [ContainerPort(name: "pg", port: 5432)])
        let policy = Build.policy(
            "a", "db-in", select: Build.labels(["app": "db"]),
            ingress: [
                Build.rule([Build.pods(["app": "api"])], [Build.tcp(5432)]),
                Build.rule([Build.pods(["app": "web"])], [Build.named("metrics")]),
            ])
        let cluster = Cluster(namespaces: [Namespace(name: "a")], pods: [web, db], policies: [policy])
        let e = Explainer(cluster: cluster).explain(.pod(0), .pod(1), sourceName: "web", destinationName: "db", query: (.tcp, 5432))
        #expect(e.egress.status == .notIsolated)
        #expect(e.ingress.status == .isolated)
        #expect(e.ingress.isolatingPolicies.map(\.name) == ["a/db-in"])
        #expect(e.ingress.matches.map(\.ruleIndex) == [1])
        let kinds = Set(e.ingress.misses.map(\.kind))
        #expect(kinds == [.podLabel, .namedPortUndeclared, .portNotAllowed])
        #expect(e.ingress.misses.first { $0.kind == .podLabel }?.message.contains("needs app=api, has app=web") == true)
        #expect(e.allowed.isEmpty)
    }
}
