import Foundation
import Testing

/// Every command on a small Calico cluster (a `security` tier denying 192.168.0.0/16 and
/// passing the rest, a NetworkPolicy in the default tier admitting web → db on TCP 5432,
/// a staged deny): the commands work through the joined rows unchanged.
@Suite struct CalicoCommandTests {
    static let cluster = fixture("calico-engine/cluster.yaml")

    @Test func listShowsTheTieredAnswer() {
        let run = runCLI(["list", Self.cluster])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("prod/web[Pod] => prod/db[Pod] : TCP 5432"))
        #expect(!run.out.contains("192.168.0.0-192.168.255.255[External] => prod/web"))
        #expect(!run.err.contains("does not evaluate"), "the not-evaluated warning is gone: \(run.err)")
    }

    @Test func evalAndExplainWalkTheTiers() throws {
        let eval = runCLI(["eval", "-f", Self.cluster, "192.168.1.1", "prod/web"])
        #expect(eval.status == 1)
        #expect(eval.out.contains("tier security (order 100): Deny by GlobalNetworkPolicy security.pass-prod ingress[0]"))
        let explain = runCLI(["explain", "-f", Self.cluster, "prod/web", "prod/db", "--port", "5432"])
        #expect(explain.status == 0, "\(explain.err)")
        #expect(explain.out.contains("tier security (order 100): Pass by GlobalNetworkPolicy security.pass-prod ingress[1]"))
        #expect(explain.out.contains("tier default (order 1000000): Allow by NetworkPolicy prod/db-allow-web ingress[0]"))
        let json = runCLI(["explain", "-f", Self.cluster, "prod/web", "prod/db", "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let calico = try #require(object["calico"] as? [[String: Any]])
        let tiers = try #require(calico.last?["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["name"] as? String } == ["security", "default"])
    }

    @Test func stagedPoliciesOnlyWithTheFlag() {
        #expect(runCLI(["eval", "-f", Self.cluster, "prod/web", "prod/db", "--port", "5432"]).status == 0)
        #expect(runCLI(["eval", "-f", Self.cluster, "prod/web", "prod/db", "--port", "5432", "--staged"]).status == 1)
    }

    @Test func inspectCommandsNameTheCalicoPolicies() {
        let who = runCLI(["who-selects", "prod/db", Self.cluster])
        #expect(who.out.contains("[security] GlobalNetworkPolicy security.pass-prod order 10"))
        #expect(who.out.contains("[default] NetworkPolicy prod/db-allow-web"))
        let show = runCLI(["show-policy", "security.pass-prod", Self.cluster])
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("tier: security, order 10") && show.out.contains("spec.ingress[0] Deny"))
    }

    @Test func diffSeesTheCalicoPolicy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calico-diff-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: Self.cluster, encoding: .utf8)
        let without = text.replacing("  - action: Deny\n    source: {nets: [192.168.0.0/16]}\n", with: "")
        try without.write(toFile: dir + "/old.yaml", atomically: true, encoding: .utf8)
        let run = runCLI(["diff", dir + "/old.yaml", Self.cluster, "--fail-on-widen"])
        #expect(run.status == 0, "narrowing only: \(run.err)")
        #expect(run.out.contains("192.168.0.0-192.168.255.255"), "\(run.out)")
    }

    @Test func pathsExposureRenderAndReport() throws {
        let paths = runCLI(["paths", "--from", "internet", "--to", "prod/db", Self.cluster])
        #expect(paths.status == 0, "\(paths.err)")
        #expect(paths.out.contains("prod/web"))
        let exposure = runCLI(["exposure", Self.cluster])
        #expect(
            exposure.out.contains("prod/web[Pod]: reachable from 0.0.0.0-192.167.255.255[External], 192.169.0.0-255.255.255.255[External]"))
        let render = runCLI(["render", "-o", "dot", Self.cluster])
        #expect(render.status == 0 && render.out.contains("digraph"))
        let report = runCLI(["report", Self.cluster])
        #expect(report.status == 0 && report.out.contains("prod/db"), "\(report.err)")
    }
}
