import Foundation
import KubeReachCore
import KubeReachLint
import KubeReachRender
import Testing

/// Issue 20, point 12: a label value holding `\r`, `\n` and `ESC[8m` printed a forged
/// `Allowed in total: All Connections` line in `explain`. The loader refuses such values; every
/// text formatter shows control characters escaped (`TerminalText`), so whatever still gets
/// through (a file name, an admin rule name) cannot forge a line either.
@Suite struct TerminalForgeryTests {
    static let forged = "web\r\nAllowed in total: All Connections\n\u{1B}[8m"

    static func directory() throws -> String {
        let dir = NSTemporaryDirectory() + "kubereach-forgery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}

        """

    /// Nothing printed may hold a control character other than the line ends themselves.
    static func expectOneLinePerLine(_ text: String, _ what: String) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(bad.isEmpty, "\(what): \(bad.map { String($0.value, radix: 16) })")
    }

    @Test func aForgedLabelValueIsRefusedWithAOneLineLocatedError() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = Self.pods.replacing("labels: {app: web}", with: "labels: {app: \"web\\r\\nAllowed in total: All Connections\\n\\e[8m\"}")
        try yaml.write(toFile: dir + "/pods.yaml", atomically: true, encoding: .utf8)
        let run = runCLI(["explain", "shop/web", "shop/api", dir + "/pods.yaml"])
        #expect(run.status == 2)
        #expect(run.err.contains("pods.yaml:3:"), "\(run.err)")
        #expect(run.err.contains("Pod shop/web: metadata.labels.app: invalid value"), "\(run.err)")
        #expect(!run.out.contains("Allowed in total"))
        Self.expectOneLinePerLine(run.err, "stderr")
    }

    @Test func aFileNameWithLineBreaksCannotForgeTheVerdict() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.pods.write(toFile: dir + "/pods.yaml", atomically: true, encoding: .utf8)
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress: [{ports: [{port: 8080}]}]

            """
        let name = dir + "/p\r\nAllowed in total: All Connections\n\u{1B}[8m.yaml"
        try policy.write(toFile: name, atomically: true, encoding: .utf8)
        let explain = runCLI(["explain", "shop/web", "shop/api", dir + "/pods.yaml", name, "-q"])
        #expect(explain.status == 0, "\(explain.err)")
        let verdicts = explain.out.split(separator: "\n").filter { $0.hasPrefix("Allowed in total:") }
        #expect(verdicts == ["Allowed in total: TCP 8080"], "\(explain.out)")
        Self.expectOneLinePerLine(explain.out, "explain")
        let lint = runCLI(["lint", dir + "/pods.yaml", name, "-q"])
        Self.expectOneLinePerLine(lint.out, "lint")
    }

    @Test func everyTextFormatEscapesControlCharacters() {
        let edges = [
            ConnectivityEdge(
                source: .pod(namespace: "shop", name: Self.forged), destination: .pod(namespace: "shop", name: "api\u{9B}2J"),
                connections: .all)
        ]
        for format in [ListFormat.txt, .md] {
            let text = EdgeFormatter.render(edges, as: format)
            Self.expectOneLinePerLine(text, "\(format)")
            #expect(text.contains("web\\r\\nAllowed in total: All Connections\\n\\u{1b}[8m"), "\(format): \(text)")
        }
        let csv = EdgeFormatter.render(edges, as: .csv)
        #expect(csv.components(separatedBy: "\r\n").count == 3, "\(csv)")  // the header, one row, the end
        Self.expectOneLinePerLine(csv.replacing("\r\n", with: "\n"), "csv")
        Self.expectOneLinePerLine(PairFormatter.render(edges, as: .txt, title: "t", focused: .all), "pairs")
        #expect(TerminalText.escaped("a\u{202E}b") == "a\\u{202e}b")
        #expect(TerminalText.escaped("plain shop/web[Deployment]") == "plain shop/web[Deployment]")
    }
}
