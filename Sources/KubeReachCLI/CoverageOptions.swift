import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML

/// The options `generate default-deny` and `generate least-privilege` share: which
/// namespaces are covered and where the cluster DNS runs.
struct CoverageOptions: ParsableArguments {
    @Option(
        name: .customLong("namespaces"),
        help: "Cover only these namespaces (comma-separated; default: all but kube-system, kube-public, kube-node-lease).")
    var namespaces: [String] = []

    @Option(name: .customLong("exclude"), help: "Never cover these namespaces (comma-separated, repeatable).")
    var exclude: [String] = []

    @Flag(name: .customLong("allow-dns"), inversion: .prefixedNo, help: "Add a policy allowing UDP and TCP 53 to the cluster DNS pods.")
    var allowDNS = true

    @Option(name: .customLong("dns-namespace-label"), help: "Label of the DNS namespace (key=value).")
    var dnsNamespaceLabel = "kubernetes.io/metadata.name=kube-system"

    @Option(name: .customLong("dns-pod-label"), help: "Label of the DNS pods (key=value).")
    var dnsPodLabel = "k8s-app=kube-dns"

    /// Run by argument-parser after parsing: every name given must be a namespace name
    /// (shown escaped, so that a newline cannot forge a line).
    func validate() throws {
        for (option, values) in [("--namespaces", namespaces), ("--exclude", exclude)] {
            for name in Self.list(values) {
                if let problem = NameValidation.problem(name, isNamespace: true) {
                    throw ValidationError("\(option): \(String(reflecting: name)) is not a namespace name: it \(problem)")
                }
            }
        }
    }

    /// `--namespaces` split at commas (a live read without -A reads these too).
    var namespaceList: [String] { Self.list(namespaces) }

    func options(allowSameNamespace: Bool = false) throws -> DefaultDenyOptions {
        DefaultDenyOptions(
            namespaces: namespaces.isEmpty ? nil : Self.list(namespaces), exclude: Set(Self.list(exclude)), allowDNS: allowDNS,
            dnsNamespaceLabels: try labels(dnsNamespaceLabel, option: "--dns-namespace-label"),
            dnsPodLabels: try labels(dnsPodLabel, option: "--dns-pod-label"), allowSameNamespace: allowSameNamespace)
    }

    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingWhitespace() } }.filter { !$0.isEmpty }
    }

    /// `k=v[,k2=v2]`
    private func labels(_ text: String, option: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { throw CLIError.usage("\(option) expects key=value, got '\(text)'") }
            out[kv[0]] = kv[1]
        }
        guard !out.isEmpty else { throw CLIError.usage("\(option) expects key=value, got '\(text)'") }
        return out
    }

    /// Notes on what is left out, and warnings on what may surprise: namespaces not in the
    /// input, generated names that replace existing policies, DNS pods missing or covered.
    func warn(_ plan: DefaultDenyPlan, replaced: [String], cluster: Cluster, quiet: Bool) {
        let io = CommandIO.current
        guard !quiet else { return }
        if !plan.excluded.isEmpty { io.report(Diagnostic(.note, "not covered: \(plan.excluded.joined(separator: ", "))")) }
        for ns in plan.unknown {
            io.report(Diagnostic(.warning, "namespace \(ns) is not in the input; its policies are generated unchecked"))
        }
        for name in replaced {
            io.report(Diagnostic(.warning, "\(name) already exists; applying the generated one replaces it"))
        }
        guard allowDNS else { return }
        let dns = plan.dnsPods(in: cluster)
        if dns.isEmpty {
            io.report(
                Diagnostic(
                    .warning,
                    "no pod in the input matches the DNS labels (\(dnsNamespaceLabel), \(dnsPodLabel)); check --dns-namespace-label and --dns-pod-label"
                ))
        }
        // DNS pods inside a covered namespace get a deny-all ingress too: lookups would fail.
        for ns in Set(dns.map { cluster.pods[$0].namespace }).intersection(plan.covered).sorted() {
            io.report(
                Diagnostic(
                    .warning,
                    "the DNS pods of \(ns) are covered too: their ingress is denied, so name lookups will fail until a policy admits them"))
        }
    }
}
