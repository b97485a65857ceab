import Foundation
import KubeReachCore
import KubeReachYAML

/// Reads a cluster's objects through `kubectl get RESOURCE -o json`, one manifest source per
/// resource (and namespace), named `cluster:pods` or `cluster:NS/pods` so that diagnostics
/// point somewhere sensible. The sources then go through the ordinary loader.
public struct LiveCluster: Sendable {
    /// Which namespaced objects to read. Cluster-scoped ones (namespaces, nodes, admin
    /// policies) are always read whole: namespace labels decide namespaceSelectors.
    public enum Scope: Equatable, Sendable {
        case allNamespaces
        case namespaces([String])
    }

    /// What `read` found: the sources, warnings about what kubereach does not evaluate, and
    /// notes (printed with -v).
    public struct Snapshot: Sendable {
        public var sources: [ManifestSource]
        public var warnings: [Diagnostic]
        public var notes: [Diagnostic]
    }

    let kubectl: Kubectl

    public init(kubectl: Kubectl) { self.kubectl = kubectl }

    /// The namespace of the kubeconfig context (`default` when it names none), as kubectl uses.
    public func contextNamespace() throws(LiveClusterError) -> String {
        let out = try kubectl.run(["config", "view", "--minify", "-o", "jsonpath={.contexts[0].context.namespace}"])
        guard !out.failed else { throw failure(out, resource: nil) }
        let ns = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return ns.isEmpty ? "default" : ns
    }

    /// Lists the API resources (warning about other engines' policies), then every read
    /// resource in the scope, at most four kubectl runs at a time. Output stays in memory.
    public func read(_ scope: Scope, progress: (String) -> Void) throws(LiveClusterError) -> Snapshot {
        let present = try apiResources()
        let warnings = present.warnings
        var jobs: [(resource: LiveResource, args: [String], name: String)] = []
        for r in LiveResource.all where r.isRead(served: present.names) {
            for (args, name) in r.invocations(scope) { jobs.append((r, ["get", r.name, "-o", "json"] + args, name)) }
        }
        var sources: [ManifestSource] = []
        for start in stride(from: 0, to: jobs.count, by: 4) {
            let batch = Array(jobs[start..<min(start + 4, jobs.count)])
            var running: [Kubectl.Running] = []
            do throws(LiveClusterError) {
                for job in batch { running.append(try kubectl.start(job.args)) }
            } catch {
                // Leave no kubectl behind: each ends by its deadline at the latest.
                _ = running.map { kubectl.finish($0) }
                throw error
            }
            let outputs = running.map { kubectl.finish($0) }
            for (job, out) in zip(batch, outputs) {
                if out.failed {
                    let error = failure(out, resource: job.resource.name)
                    if job.resource.optional, out.stderr.contains("doesn't have a resource type") { continue }
                    throw error
                }
                sources.append(ManifestSource(name: job.name, bytes: out.stdout))
                progress("read \(job.name)")
            }
        }
        var notes: [Diagnostic] = []
        let adminResources = LiveResource.all.filter { $0.optional && $0.name.hasSuffix(".policy.networking.k8s.io") }
        if adminResources.allSatisfy({ !present.names.contains($0.name) }) {
            notes.append(
                Diagnostic(
                    .note, "the cluster serves no AdminNetworkPolicy or ClusterNetworkPolicy CRDs (policy.networking.k8s.io): none read"))
        }
        return Snapshot(sources: sources, warnings: warnings, notes: notes)
    }

    /// `kubectl api-resources -o name`: what the cluster serves. Also the first contact, so
    /// an unreachable cluster is reported here. A partial discovery failure (an aggregated
    /// API down) is a warning when kubectl still listed something.
    private func apiResources() throws(LiveClusterError) -> (names: Set<String>, warnings: [Diagnostic]) {
        let out = try kubectl.run(["api-resources", "-o", "name"])
        let text = String(decoding: out.stdout, as: UTF8.self)
        let names = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        var warnings: [Diagnostic] = []
        if out.failed {
            guard !names.isEmpty, out.stop == nil else { throw failure(out, resource: nil, firstContact: true) }
            warnings.append(Diagnostic(.warning, "kubectl api-resources: \(Kubectl.trimmed(out.stderr))"))
        }
        for (resource, kind) in LiveResource.unevaluated where names.contains(resource) {
            warnings.append(
                Diagnostic(
                    .warning,
                    "the cluster serves \(kind) (\(resource)); kubereach does not evaluate these, so it may report as allowed what they deny"
                ))
        }
        return (names, warnings)
    }

    /// The error for a failed run: RBAC, reachability, or kubectl's own message.
    func failure(_ out: Kubectl.Output, resource: String?, firstContact: Bool = false) -> LiveClusterError {
        switch out.stop {
        case .deadline: return .timedOut(command: out.command, seconds: out.allowed)
        case .outputCap(let limit): return .outputTooLarge(command: out.command, limit: limit)
        case nil: break
        }
        let message = Kubectl.trimmed(out.stderr)
        let lower = out.stderr.lowercased()
        if lower.contains("(forbidden)") || lower.contains(" is forbidden: ") {
            return .forbidden(resource: resource ?? "the API", message: message)
        }
        let unreachable = [
            "unable to connect to the server", "the connection to the server", "connection refused", "no such host",
            "i/o timeout", "context deadline exceeded", "tls handshake timeout", "network is unreachable",
        ]
        if unreachable.contains(where: lower.contains) { return .unreachable(message) }
        if firstContact && message.isEmpty { return .unreachable("kubectl exited with status \(out.status)") }
        return .kubectlFailed(command: out.command, message: message.isEmpty ? "exit status \(out.status)" : message)
    }
}
