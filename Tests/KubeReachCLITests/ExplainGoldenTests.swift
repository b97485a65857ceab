import Foundation
import KubeReachTestSupport
import Testing

/// `kubereach explain` on the bundled example: an allowed pair, denials with nearest misses,
/// and JSON; exit codes as for eval.
@Suite struct ExplainGoldenTests {
    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("explain-allowed.txt", ["shop-api/api", "shop-data/postgres", "--port", "5432"], 0),
        ("explain-denied-namespace.txt", ["shop-workers/queue-worker", "shop-data/redis", "--port", "6379"], 1),
        ("explain-denied-named-port.txt", ["monitoring/prometheus", "shop-data/redis", "--port", "9090"], 1),
        ("explain-external.txt", ["203.0.113.9", "shop-frontend/web", "--port", "8080"], 0),
        ("explain-denied.json", ["shop-frontend/web", "shop-data/postgres", "--port", "5432", "-o", "json"], 1),
    ]

    @Test(arguments: cases.indices)
    func explain(_ i: Int) throws {
        let c = Self.cases[i]
        let run = runCLI(["explain"] + c.args + [ExampleTests.example])
        #expect(run.status == c.status, "\(run.err)")
        let out = run.out.replacing(ExampleTests.example + "/", with: "Examples/shop/")
        try assertSnapshot(out, named: c.name)
    }

    @Test func jsonParses() throws {
        let run = runCLI(["explain", "shop-api/api", "shop-data/redis", "-o", "json", ExampleTests.example])
        let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        #expect(object?["allowed"] as? Bool == true)
        #expect((object?["ingress"] as? [String: Any])?["status"] as? String == "isolated")
    }
}
