import KubeReachCore
import KubeReachYAML
import Testing

/// Inputs built to break parsers and outputs: each gives a clear error (or a clean load),
/// never a crash, a hang or a name that could break an output line.
@Suite struct HostileInputTests {
    static var aliasBomb: String {
        var lines = [
            "apiVersion: v1", "kind: Pod", "metadata: {name: bomb, namespace: x}", "x0: &a0 [{name: c, ports: [{containerPort: 80}]}]",
        ]
        for i in 1..<30 { lines.append("x\(i): &a\(i) [\(Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", "))]") }
        return (lines + ["spec:", "  containers: *a29"]).joined(separator: "\n") + "\n"
    }

    /// Lists of aliases nested along fields the decoder does read: 10^10 values to visit.
    static var policyBomb: String {
        func list(_ alias: String, _ n: Int) -> String { "[" + Array(repeating: "*\(alias)", count: n).joined(separator: ", ") + "]" }
        return """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: bomb, namespace: x}
            v: &v a
            vs: &vs \(list("v", 1000))
            e: &e {key: k, operator: In, values: *vs}
            es: &es \(list("e", 1000))
            pe: &pe {podSelector: {matchExpressions: *es}}
            ps: &ps \(list("pe", 100))
            r: &r {from: *ps}
            spec:
              ingress: \(list("r", 100))

            """
    }

    /// A List whose items are one aliased object, each costing a little: the budget is per
    /// document, not per item.
    static var listBomb: String {
        let items = Array(repeating: "*o", count: 5000).joined(separator: ", ")
        let values = "[" + Array(repeating: "*v", count: 2000).joined(separator: ", ") + "]"
        return
            "apiVersion: v1\nkind: List\nv: &v a\nvs: &vs \(values)\no: &o {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: x}, spec: {containers: [{name: c, ports: *vs}]}}\nitems: [\(items)]\n"
    }

    static var deepBlock: String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: d}\nspec:\n"
            + (1..<3000).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined()
    }

    /// (name, manifest, expected error text; nil when it must load cleanly)
    static let cases: [(String, String, String?)] = [
        ("alias bomb", aliasBomb, "expected a map"),
        ("alias bomb in a policy", policyBomb, "aliases are expanded"),
        ("alias bomb through List items", listBomb, "aliases are expanded"),
        (
            "document nested beyond the parser's limit", "a:\n" + String(repeating: "- ", count: 1200) + "x\n",
            "nested deeper than the YAML parser allows"
        ),
        ("deep block nesting", deepBlock, "nested deeper than the YAML parser allows"),
        ("deep flow nesting", "a: " + String(repeating: "[", count: 100_000), "nested deeper"),
        ("newline in a pod name", "apiVersion: v1\nkind: Pod\nmetadata: {name: \"a\\nb\", namespace: n}\n", "invalid name"),
        ("upper case namespace", "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: Prod}\n", "invalid namespace"),
        (
            "bracket in a workload name", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: \"a[Pod]\", namespace: n}\n",
            "invalid name"
        ),
        (
            "port as a list",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  ingress: [{ports: [{port: [1]}]}]\n",
            "expected a port number or name"
        ),
        (
            "out of range containerPort",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\nspec:\n  containers: [{name: c, ports: [{containerPort: 70000}]}]\n",
            "outside 1-65535"
        ),
        (
            "huge integer",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\nspec:\n  containers: [{name: c, ports: [{containerPort: 99999999999999999999999}]}]\n",
            "expected an integer"
        ),
        ("spec as a string", "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: n}\nspec: hello\n", "expected a map"),
        (
            "CIDR /0, /32, /128 and IPv4-mapped",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [1.2.3.4/32]}}, {ipBlock: {cidr: '::/0', except: ['::1/128']}}, {ipBlock: {cidr: '::ffff:10.0.0.0/104'}}]\n",
            nil
        ),
        (
            "selector value with odd characters",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  podSelector: {matchLabels: {app: \"a b|c\"}}\n",
            "invalid label value"
        ),
        ("tabs and unicode in a comment", "# caf\u{e9}\t\u{1F600}\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", nil),
    ]

    @Test(arguments: cases.indices)
    func hostileInput(_ i: Int) {
        let (name, text, expected) = Self.cases[i]
        do {
            let r = try ManifestLoader.load([ManifestSource(name: "hostile.yaml", bytes: Array(text.utf8))])
            #expect(expected == nil, "\(name): loaded, expected an error containing '\(expected ?? "")'")
            #expect(!r.diagnostics.contains { $0.description.contains("\n") }, "\(name): a diagnostic spans lines")
        } catch {
            guard let expected else {
                Issue.record("\(name): unexpected errors \(error.diagnostics.map(\.description))")
                return
            }
            #expect(error.diagnostics.contains { $0.message.contains(expected) }, "\(name): got \(error.diagnostics.map(\.message))")
            #expect(!error.diagnostics.contains { $0.description.contains("\n") }, "\(name): a diagnostic spans lines")
        }
    }

    @Test func tooManyProblemsInOneDocumentAreCapped() throws {
        let ports = Array(repeating: "x", count: 3000).joined(separator: ", ")
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  containers: [{name: c, ports: [\(ports)]}]\n"
        do {
            _ = try ManifestLoader.load([ManifestSource(name: "many.yaml", bytes: Array(text.utf8))])
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostics.count == 1001)
            #expect(error.diagnostics.last?.message.contains("the rest are not shown") == true)
        }
    }

    @Test func binaryAndEmptyFiles() throws {
        #expect(throws: LoadFailure.self) { try ManifestLoader.load([ManifestSource(name: "bin", bytes: Array(0...255))]) }
        let empty = try ManifestLoader.load([ManifestSource(name: "empty.yaml", bytes: [])])
        #expect(empty.cluster.pods.isEmpty)
    }
}
