import Foundation
import KubeReachRender
import Testing

/// Every command's JSON decodes with `JSONDecoder` into the public `Decodable` document
/// types, and every document carries `"version": 1` (what a reader checks first).
@Suite struct JSONDocumentTests {
    static let shop = ExampleTests.example

    func decode<T: Decodable>(_ type: T.Type, _ arguments: [String], status: Int32 = 0) throws -> T {
        let run = runCLI(arguments)
        #expect(run.status == status, "\(arguments): \(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any], "\(arguments)")
        #expect(object["version"] as? Int == 1 || object["version"] as? String == "2.1.0", "\(arguments): no version")
        return try JSONDecoder().decode(type, from: Data(run.out.utf8))
    }

    @Test(arguments: ["workload", "pod", "namespace"])
    func list(_ level: String) throws {
        let doc = try decode(ConnectionListDocument.self, ["list", Self.shop, "--by", level, "-o", "json", "-q"])
        let text = runCLI(["list", Self.shop, "--by", level, "-q"]).out
        #expect(doc.version == 1)
        #expect(doc.connections.map { "\($0.src) => \($0.dst) : \($0.conn)\n" }.joined() == text)
    }

    @Test func focusedPairs() throws {
        let doc = try decode(PairListDocument.self, ["list", Self.shop, "--focus-conn", "tcp-8080", "-o", "json", "-q"])
        #expect(doc.connection == "TCP 8080" && !doc.pairs.isEmpty)
    }

    @Test func eval() throws {
        let doc = try decode(
            EvalDocument.self, ["eval", "shop-frontend/web", "shop-data/postgres", "--port", "5432", "-o", "json", Self.shop, "-q"],
            status: 1)
        #expect(doc.allowed == false && doc.query == EvalDocument.Query(protocol: "TCP", port: 5432))
    }

    @Test func explain() throws {
        let doc = try decode(
            ExplanationDocument.self, ["explain", "shop-frontend/web", "shop-data/postgres", "-o", "json", Self.shop, "-q"], status: 1)
        #expect(doc.src.hasPrefix("shop-frontend/web") && !doc.ingress.status.isEmpty)
    }

    @Test func lint() throws {
        let doc = try decode(LintDocument.self, ["lint", Self.shop, "-o", "json", "--fail-on", "never", "-q"])
        #expect(!doc.findings.isEmpty)
        let sarif = try decode(SARIFDocument.self, ["lint", Self.shop, "-o", "sarif", "--fail-on", "never", "-q"])
        #expect(sarif.runs.first?.results.count == doc.findings.count)
    }

    @Test func graphCommands() throws {
        let paths = try decode(PathsDocument.self, ["paths", Self.shop, "--from", "internet", "--to", "shop-data/*", "-o", "json", "-q"])
        #expect(paths.paths.allSatisfy { $0.length == $0.hops.count && $0.nodes.count == $0.length + 1 })
        let radius = try decode(BlastRadiusDocument.self, ["blast-radius", "internet", Self.shop, "-o", "json", "-q"])
        #expect(radius.reached.allSatisfy { $0.path.nodes.last == $0.node })
        let exposure = try decode(ExposureDocument.self, ["exposure", Self.shop, "-o", "json", "-q"])
        #expect(!exposure.crownJewels.isEmpty)
    }

    @Test func diff() throws {
        let doc = try decode(DiffDocument.self, ["diff", Self.shop, Self.shop, "-o", "json", "-q"])
        #expect(doc.summary.added == 0 && !doc.summary.widens)
    }
}
