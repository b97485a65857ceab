import Foundation
import Testing

/// `policyTypes: []` is defaulted by the API server exactly like an absent list (Ingress, plus
/// Egress when there are egress rules); every command must see the defaulted types
/// (issue 20, point 3).
@Suite struct PolicyTypesDefaultingTests {
    static let pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.2}

        """

    /// Selects api, lists no types and no rules: the cluster isolates api for ingress.
    static let emptyTypes = """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: []

        """

    static func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "kubereach-types-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func evalAndExplainDenyIngressIntoThePodTheEmptyListIsolates() throws {
        let path = try Self.file(Self.pods + Self.emptyTypes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let eval = runCLI(["eval", "shop/web", "shop/api", path, "-q"])
        #expect(eval.status == 1, "\(eval.out)\(eval.err)")
        #expect(eval.out.hasPrefix("denied"), "\(eval.out)")
        let back = runCLI(["eval", "shop/api", "shop/web", path, "-q"])
        #expect(back.status == 0, "egress is not defaulted without egress rules: \(back.out)")
        let explain = runCLI(["explain", "shop/web", "shop/api", path, "-q"])
        #expect(explain.out.contains("shop/deny-api"), "\(explain.out)")
        #expect(!explain.out.contains("Allowed in total: All Connections"), "\(explain.out)")
    }

    @Test func listLeavesTheIsolatedPairOut() throws {
        let path = try Self.file(Self.pods + Self.emptyTypes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let list = runCLI(["list", path, "--by", "pod", "-q"])
        #expect(list.status == 0, "\(list.err)")
        #expect(!list.out.contains("shop/web => shop/api"), "\(list.out)")
        #expect(list.out.contains("shop/api => shop/web"), "\(list.out)")
    }

    @Test func showPolicyPrintsTheDefaultedTypes() throws {
        let path = try Self.file(Self.pods + Self.emptyTypes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runCLI(["show-policy", "shop/deny-api", path, "-q"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("types: Ingress (policyTypes: [] defaulted, as the API server does)"), "\(run.out)")
    }

    @Test func lintSaysTheEmptyListWasDefaulted() throws {
        let path = try Self.file(Self.pods + Self.emptyTypes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = runCLI(["lint", path, "-q"])
        #expect(run.out.contains("policyTypes: [] is defaulted like an absent list"), "\(run.out)")
    }

    @Test func diffSeesTheEmptyListIsolate() throws {
        let before = try Self.file(Self.pods)
        let after = try Self.file(Self.pods + Self.emptyTypes)
        defer {
            try? FileManager.default.removeItem(atPath: before)
            try? FileManager.default.removeItem(atPath: after)
        }
        let run = runCLI(["diff", before, after, "--by", "pod", "-q"])
        #expect(run.out.contains("shop/web => shop/api"), "\(run.out)")
        #expect(!run.out.contains("No connectivity changes"), "\(run.out)")
    }
}
