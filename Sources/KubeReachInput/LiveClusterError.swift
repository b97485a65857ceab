import KubeReachCore

/// Why a live cluster could not be read. Each case says what to do about it; `Runner`
/// prints it and exits 2 (through `CLIError.liveCluster`).
public enum LiveClusterError: Error, Equatable, CustomStringConvertible {
    /// No kubectl binary: `looked` is what was searched (the KUBECTL value, or PATH).
    case kubectlMissing(looked: String)
    /// The API server did not answer: kubectl's own message, trimmed.
    case unreachable(String)
    /// RBAC refused to list a resource.
    case forbidden(resource: String, message: String)
    /// kubectl failed otherwise (bad kubeconfig, unknown context, ...).
    case kubectlFailed(command: String, message: String)
    /// kubectl did not finish in time and was stopped.
    case timedOut(command: String, seconds: Int)
    /// kubectl printed more than the cap and was stopped.
    case outputTooLarge(command: String, limit: Int)

    /// What `Runner` prints, one diagnostic a line.
    public var diagnostics: [Diagnostic] {
        if case .forbidden(let resource, let message) = self {
            return [
                Diagnostic(.error, "not allowed to list \(resource): \(message)"),
                Diagnostic(.error, "kubereach needs get and list on \(resource) (see Docs/live-cluster.md for the RBAC it needs)"),
            ]
        }
        return [Diagnostic(.error, message)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    private var message: String {
        switch self {
        case .kubectlMissing(let looked):
            "kubectl not found (\(looked)); kubereach reads a live cluster through kubectl: install it "
                + "(https://kubernetes.io/docs/tasks/tools/, or on Debian `apt-get install kubernetes-client`) "
                + "or set KUBECTL to its path"
        case .unreachable(let message):
            "cannot reach the cluster: \(message)"
        case .forbidden(let resource, _):
            "not allowed to list \(resource)"
        case .kubectlFailed(let command, let message):
            "`\(command)` failed: \(message)"
        case .timedOut(let command, let seconds):
            "`\(command)` did not finish within \(seconds) s and was stopped (with the processes it started)"
        case .outputTooLarge(let command, let limit):
            "`\(command)` printed more than \(limit) bytes and was stopped (KUBEREACH_LIVE_MAX_BYTES sets the limit)"
        }
    }
}
