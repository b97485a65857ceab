import Foundation
import KubeReachTestSupport
import Testing

/// One port notation across commands, "did you mean" for references that name nothing,
/// and `--sensitive` selectors that match nothing.
@Suite struct PortNotationTests {
    static let shop = ExampleTests.example

    static let spellings: [([String], Int32)] = [
        (["--port", "8080"], 0), (["--port", "tcp/8080"], 0), (["--port", "TCP/8080"], 0), (["--port", "tcp-8080"], 0),
        (["--port", "8080", "--protocol", "tcp"], 0), (["--port", "http"], 0), (["--port", "tcp/http"], 0),
        (["--port", "udp/8080"], 1), (["--port", "9090"], 1), (["--port", "metrics"], 1),
    ]

    /// Every spelling of one question gets the same answer from `eval`.
    @Test(arguments: spellings)
    func evalSpellings(extra: [String], status: Int32) {
        let run = runCLI(["eval", "shop-frontend/web", "shop-api/api", Self.shop] + extra)
        #expect(run.status == status, "\(run.out)\(run.err)")
    }

    /// A name resolves on the destination's container ports and says so.
    @Test func namedPortsResolveOnTheDestination() {
        let run = runCLI(["eval", "monitoring/prometheus", "shop-data/postgres", Self.shop, "--port", "metrics"])
        #expect(run.out.hasPrefix("allowed on TCP 9187 (metrics): "), "\(run.out)\(run.err)")
        let unknown = runCLI(["eval", "shop-frontend/web", "shop-api/api", Self.shop, "--port", "grpc"])
        #expect(unknown.status == 2)
        #expect(
            unknown.err.contains("no container port named 'grpc' on the destination (its named ports: http, metrics)"), "\(unknown.err)")
        // Through a Service, the Service's own port names.
        let service = runCLI(["eval", "shop-frontend/web", "shop-api/Service/api", Self.shop, "--port", "http"])
        #expect(service.status == 0 && service.out.hasPrefix("allowed on TCP 80 (http): "), "\(service.out)\(service.err)")
        // An address has no container ports; a range is not one port; protocols must agree.
        #expect(runCLI(["eval", "shop-api/checkout", "203.0.113.9", Self.shop, "--port", "https"]).status == 2)
        #expect(runCLI(["eval", "shop-frontend/web", "shop-api/api", Self.shop, "--port", "8000-8090"]).status == 2)
        #expect(runCLI(["eval", "shop-frontend/web", "shop-api/api", Self.shop, "--port", "udp/53", "--protocol", "tcp"]).status == 2)
    }

    /// `list --focus-conn` reads the same notation (netpol-analyzer's `tcp-8080` included).
    @Test func focusConnSpellingsAgree() {
        let answers = ["tcp-8080", "tcp/8080", "8080", "TCP/8080"].map { runCLI(["list", Self.shop, "--focus-conn", $0, "-q"]).out }
        #expect(!answers[0].isEmpty && answers.allSatisfy { $0 == answers[0] })
        #expect(runCLI(["list", Self.shop, "--focus-conn", "metrics"]).status == 2)
    }

    /// Lateral commands: hops have no single destination, so a name is refused.
    @Test func lateralPortNamesAreRefused() {
        #expect(runCLI(["blast-radius", "internet", Self.shop, "--port", "tcp/8080", "-q"]).status == 0)
        let named = runCLI(["blast-radius", "internet", Self.shop, "--port", "http"])
        #expect(named.status == 2 && named.err.contains("needs one destination"), "\(named.err)")
    }

    /// Intent files name ports the same way, names resolved on the destination workload.
    @Test func intentPortNames() throws {
        let file = try GenerateDefaultDenyTests.temporaryFile(
            "- {from: monitoring/prometheus, to: shop-data/postgres, ports: [metrics]}\n- {from: shop-api/api, to: shop-data/postgres, ports: [tcp/postgres]}\n"
        )
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = runCLI(["generate", "least-privilege", Self.shop, "--intent", file, "--namespaces", "shop-data", "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("# - from monitoring/prometheus[Deployment]: TCP 9187"))
        #expect(run.out.contains("# - from shop-api/api[Deployment]: TCP 5432"))
        let bad = try GenerateDefaultDenyTests.temporaryFile("- {from: shop-api/api, to: shop-data/postgres, ports: [grpc]}\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let refused = runCLI(["generate", "least-privilege", Self.shop, "--intent", bad])
        #expect(refused.status == 2 && refused.err.contains("\(bad):1: error: no container port named 'grpc'"), "\(refused.err)")
    }

    /// A reference that names nothing says what it probably meant, in every command
    /// that resolves references, and exits 2.
    @Test(arguments: [
        ["eval", "web", "shop-api/api"], ["explain", "shop-frontend/web", "api"], ["who-selects", "postgres"],
        ["paths", "--from", "shop-frontend/web", "--to", "default/postgres"], ["blast-radius", "default/api"],
    ])
    func didYouMean(arguments: [String]) {
        let run = runCLI(arguments + [Self.shop])
        #expect(run.status == 2)
        #expect(run.err.contains("did you mean shop-"), "\(run.err)")
    }

    @Test func intentReferencesSuggestToo() throws {
        let file = try GenerateDefaultDenyTests.temporaryFile("- {from: shop-api/ap, to: shop-data/postgres, ports: [5432]}\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = runCLI(["generate", "least-privilege", Self.shop, "--intent", file])
        #expect(run.status == 2 && run.err.contains("did you mean shop-api/api?"), "\(run.err)")
    }

    /// `--sensitive` selectors are OR-ed; each that matches nothing is a warning.
    @Test func sensitiveSelectorsThatMatchNothingAreNamed() {
        let run = runCLI(["exposure", Self.shop, "--sensitive", "tier=db", "--sensitive", "app=nothing", "-o", "json"])
        #expect(run.status == 0)
        #expect(run.err.contains("warning: --sensitive app=nothing matches no workload"))
        #expect(!run.err.contains("tier=db matches"))
        let both = runCLI([
            "exposure", Self.shop, "--sensitive", "app.kubernetes.io/name=redis", "--sensitive", "app.kubernetes.io/name=postgres",
        ])
        #expect(both.out.contains("shop-data/redis") && both.out.contains("shop-data/postgres"))
    }
}
