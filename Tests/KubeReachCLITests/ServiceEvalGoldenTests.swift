import KubeReachTestSupport
import Testing

/// Issue 13 point 5: `eval` through a Service name or ClusterIP resolves the Service's
/// selector to its backend pods, maps the Service port to each backend's target port (named
/// target ports per pod), and says which backends answer. Allowed (exit 0) when one does.
@Suite struct ServiceEvalGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var args: [String]
        var status: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "service-name-named-target-port", args: ["shop/client", "shop/Service/web", "--port", "80"], status: 0),
        Case(name: "cluster-ip-every-port", args: ["shop/client", "10.96.0.20"], status: 0),
        Case(name: "cluster-ip-dns-udp", args: ["shop/client", "10.96.0.10", "--port", "53", "--protocol", "UDP"], status: 0),
        Case(name: "cluster-ip-dns-tcp-denied", args: ["shop/client", "10.96.0.10", "--port", "53"], status: 1),
        Case(name: "service-port-absent", args: ["shop/client", "shop/svc/web", "--port", "81"], status: 1),
        Case(name: "service-json", args: ["shop/client", "shop/Service/web", "-o", "json"], status: 0),
    ]

    @Test(arguments: cases)
    func eval(_ c: Case) throws {
        let run = runCLI(["eval"] + c.args + [fixture("services"), "-q"])
        #expect(run.status == c.status, "stderr: \(run.err)")
        try assertSnapshot(run.out, named: "eval-\(c.name).txt")
    }

    @Test func aServiceWithoutSelectorCannotBeAnswered() {
        let run = runCLI(["eval", "shop/client", "shop/Service/legacy-db", fixture("services"), "-q"])
        #expect(run.status == 2)
        #expect(run.err.contains("has no selector"))
    }

    @Test func aServiceIsNoSource() {
        let run = runCLI(["eval", "shop/Service/web", "shop/client", fixture("services"), "-q"])
        #expect(run.status == 2)
        #expect(run.err.contains("traffic starts at pods"))
    }

    @Test func aPlainNameStillMeansTheWorkload() {
        let run = runCLI(["eval", "shop/client", "shop/web", "--port", "8080", fixture("services"), "-q"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("allowed on TCP 8080: shop/client[Deployment] => shop/web[Deployment]"))
    }
}
