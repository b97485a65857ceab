import KubeReachCore
import KubeReachTestSupport
import Testing

/// `list --focus ...` on the basic fixture.
@Suite struct FocusTests {
    func lines(_ args: [String]) -> [String] {
        let run = runCLI(["list", fixture("basic")] + args)
        #expect(run.status == 0, "\(run.err)")
        return run.out.split(separator: "\n").map(String.init)
    }

    @Test func focusKeepsLinesTouchingTheNodeIncludingExternal() {
        let out = lines(["--focus", "web"])
        #expect(!out.isEmpty)
        #expect(out.allSatisfy { $0.contains("shop/web[Deployment]") })
        #expect(out.contains { $0.hasPrefix("0.0.0.0-9.255.255.255[External] => shop/web") })
    }

    @Test func directionAndPeer() {
        #expect(
            lines(["--focus", "shop/api", "--focus-direction", "ingress"]) == ["shop/web[Deployment] => shop/api[Deployment] : TCP 8080"])
        #expect(
            lines(["--focus", "api", "--focus-peer", "db", "--focus-direction", "egress"]) == [
                "shop/api[Deployment] => data/db[StatefulSet] : TCP 5432"
            ])
    }

    @Test func focusConnPrintsPairsOnly() {
        let out = lines(["--focus-conn", "udp-53"])
        #expect(out.first == "Permitted connections on UDP 53:")
        #expect(out.contains("data/db[StatefulSet] => kube-system/coredns[Deployment]"))
        #expect(!out.dropFirst().contains { $0.contains(" : ") })
    }

    @Test func unknownFocusWarnsAndGivesNothing() {
        let run = runCLI(["list", fixture("basic"), "--focus", "nope"])
        #expect(run.status == 0)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("nope does not exist"))
    }

    @Test func badFocusConnIsAUsageError() {
        #expect(runCLI(["list", fixture("basic"), "--focus-conn", "tcp"]).status == 2)
        #expect(runCLI(["list", fixture("basic"), "--focus-peer", "x"]).status == 2)
    }

    @Test func nameMatching() {
        let ref = { (text: String) in try! EndpointReference.parse(text) }
        #expect(EdgeFocus.names("ns/web[Deployment]", among: [ref("web")]))
        #expect(EdgeFocus.names("ns/web[Deployment]", among: [ref("ns/web")]))
        #expect(EdgeFocus.names("ns/web[Deployment]", among: [ref("ns/web[Deployment]")]))
        #expect(EdgeFocus.names("ns/web[Deployment]", among: [ref("ns/deployments/web")]))
        #expect(!EdgeFocus.names("ns/web[Deployment]", among: [ref("ns/StatefulSet/web")]))
        #expect(!EdgeFocus.names("ns/web[Deployment]", among: [ref("other/web")]))
        #expect(EdgeFocus.names("ns/web[Deployment]", among: [ref("ns/*")]))
        #expect(!EdgeFocus.names("10.0.0.0-10.255.255.255[External]", among: [ref("internet")]))
    }
}

/// `list --explain` names the rules behind each listed pair.
@Suite struct ListExplainTests {
    @Test func sectionsNameIsolatingPoliciesAndRules() {
        let run = runCLI(["list", ExampleTests.example, "--explain", "--focus", "postgres"])
        #expect(run.status == 0)
        #expect(run.out.contains("Connections between shop-api/api[Deployment] => shop-data/postgres[StatefulSet]: TCP 5432"))
        #expect(run.out.contains("- shop-data/postgres-clients spec.ingress[0].from[0] allows TCP 5432"))
        #expect(run.out.contains("# Connections allowed by default"))
    }

    @Test func explainIsTextOnly() {
        #expect(runCLI(["list", ExampleTests.example, "--explain", "-o", "json"]).status == 2)
        #expect(runCLI(["list", ExampleTests.example, "--explain-only", "deny", "-o", "json"]).status == 2)
        #expect(runCLI(["list", ExampleTests.example, "--explain-only", "maybe"]).status == 2)
    }

    /// Every denied pair of the example, with no edge of its own included: the golden shows
    /// what a reviewer asking "why is this blocked?" reads.
    @Test func explainOnlyDenyGolden() throws {
        let run = runCLI(["list", ExampleTests.example, "--explain-only", "deny"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("# Connections allowed by default"))
        #expect(run.out.contains("Connections between shop-workers/queue-worker[Deployment] => shop-data/redis[Deployment]: denied"))
        try assertSnapshot(run.out, named: "list-explain-only-deny.txt")
    }

    @Test func explainOnlyAllowKeepsAllowedSectionsAndTheDefaultBlock() {
        let run = runCLI(["list", ExampleTests.example, "--explain-only", "allow", "--focus", "postgres"])
        #expect(run.status == 0)
        #expect(run.out.contains("Connections between shop-api/api[Deployment] => shop-data/postgres[StatefulSet]: allowed TCP 5432"))
        #expect(!run.out.contains(": denied "))
        #expect(run.out.contains("# Connections allowed by default"))
    }

    /// With --focus-conn the question is that one connection: deny lists the pairs where it
    /// is blocked, shown cut to it.
    @Test func explainOnlyDenyWithFocusConn() {
        let run = runCLI(["list", ExampleTests.example, "--explain-only", "deny", "--focus", "postgres", "--focus-conn", "tcp-5432"])
        #expect(run.status == 0)
        #expect(
            run.out.contains(
                "Connections between shop-frontend/web[Deployment] => shop-data/postgres[StatefulSet]: denied TCP 5432; allowed No Connections"
            ))
        #expect(!run.out.contains("shop-api/api[Deployment] => shop-data/postgres[StatefulSet]"))
    }
}
