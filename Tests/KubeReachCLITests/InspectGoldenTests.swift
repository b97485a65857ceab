import KubeReachTestSupport
import Testing

/// `who-selects` and `show-policy` on the bundled example.
@Suite struct InspectGoldenTests {
    static let cases: [(name: String, args: [String])] = [
        ("who-selects-postgres.txt", ["who-selects", "shop-data/postgres"]),
        ("who-selects-web.txt", ["who-selects", "web", "-n", "shop-frontend"]),
        ("show-policy-worker-ingress.txt", ["show-policy", "shop-workers/worker-ingress"]),
        ("show-policy-web-ingress.txt", ["show-policy", "shop-frontend/web-ingress"]),
    ]

    @Test(arguments: cases.indices)
    func inspect(_ i: Int) throws {
        let c = Self.cases[i]
        let run = runCLI(c.args + [ExampleTests.example])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out.replacing(ExampleTests.example + "/", with: "Examples/shop/"), named: c.name)
    }

    @Test func unknownTargetsAreErrors() {
        #expect(runCLI(["who-selects", "shop-data/nope", ExampleTests.example]).status == 2)
        #expect(runCLI(["show-policy", "shop-data/nope", ExampleTests.example]).status == 2)
    }
}
