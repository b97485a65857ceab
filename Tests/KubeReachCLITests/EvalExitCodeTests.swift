import Foundation
import KubeReachRender
import Testing

/// `kubereach eval`: exit 0 allowed, 1 denied, 2 error; the verdict line and the set.
@Suite struct EvalExitCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var args: [String]
        var status: Int32
        var verdict: String?
        var testDescription: String { args.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(args: ["shop/web", "shop/api"], status: 0, verdict: "allowed: shop/web[Deployment] => shop/api[Deployment]"),
        Case(args: ["shop/web", "shop/api", "--port", "8080"], status: 0, verdict: "allowed on TCP 8080"),
        Case(args: ["shop/web", "shop/api", "--port", "8081"], status: 1, verdict: "denied on TCP 8081"),
        Case(args: ["shop/web", "shop/api", "--port", "8080", "--protocol", "UDP"], status: 1, verdict: "denied on UDP 8080"),
        Case(args: ["shop/Deployment/api", "data/StatefulSet/db", "--port", "5432"], status: 0, verdict: "allowed"),
        Case(args: ["shop/web", "data/db"], status: 1, verdict: "denied"),
        Case(args: ["shop/debug", "data/db", "--port", "5432"], status: 1, verdict: "denied"),
        Case(args: ["data/db", "kube-system/coredns", "--port", "53", "--protocol", "udp"], status: 0, verdict: "allowed"),
        Case(args: ["data/db", "8.8.8.8"], status: 1, verdict: "denied"),
        Case(args: ["8.8.8.8", "shop/web", "--port", "443"], status: 0, verdict: "allowed"),
        Case(args: ["10.9.9.9", "shop/web", "--port", "443"], status: 1, verdict: "denied"),
        Case(args: ["10.1.2.3", "shop/api"], status: 1, verdict: "denied: shop/debug => shop/api[Deployment]"),
        Case(args: ["web", "api", "-n", "shop"], status: 0, verdict: "allowed"),
        Case(args: ["2001:db8::1", "shop/web", "--port", "443"], status: 1, verdict: "denied"),
        Case(args: ["shop/nope", "shop/api"], status: 2, verdict: nil),
        Case(args: ["shop/web", "shop/api", "--port", "70000"], status: 2, verdict: nil),
        Case(args: ["a/b/c/d", "shop/api"], status: 2, verdict: nil),
        Case(args: ["8.8.8.8", "1.1.1.1"], status: 2, verdict: nil),
    ]

    @Test(arguments: cases)
    func eval(_ c: Case) {
        let run = runCLI(["eval"] + c.args + [fixture("basic")])
        #expect(run.status == c.status, "stdout: \(run.out) stderr: \(run.err)")
        if let verdict = c.verdict {
            let first = run.out.split(separator: "\n").first.map(String.init) ?? ""
            let words = verdict.split(separator: " ")
            #expect(words.allSatisfy { first.contains($0) }, "got: \(first)")
        } else {
            #expect(run.err.lowercased().contains("error"))
        }
    }

    @Test func jsonOutputCarriesVerdictAndPorts() {
        let run = runCLI(["eval", "shop/web", "shop/api", "-o", "json", fixture("basic")])
        #expect(run.status == 0)
        let doc = try? JSONDecoder().decode(EvalDocument.self, from: Data(run.out.utf8))
        #expect(doc?.allowed == true)
        #expect(doc?.ports == [PortRangeDocument(protocol: "TCP", from: 8080, to: 8080)])
    }
}

@Suite struct AssumeDefaultDenyCLITests {
    @Test func debugShellLosesItsPathToTheWorker() {
        #expect(runCLI(["eval", "shop-workers/debug-shell", "shop-workers/queue-worker", ExampleTests.example]).status == 0)
        #expect(
            runCLI(["eval", "shop-workers/debug-shell", "shop-workers/queue-worker", ExampleTests.example, "--assume-default-deny"]).status
                == 1)
        let listed = runCLI(["list", ExampleTests.example, "--assume-default-deny"])
        #expect(listed.out.contains("shop-api/api[Deployment] => shop-data/postgres[StatefulSet] : TCP 5432"))
        #expect(!listed.out.contains("shop-workers/debug-shell[Pod] =>"))
    }
}
