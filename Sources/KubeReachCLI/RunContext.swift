import Foundation

/// How the binary was started: as `kubereach` or as the kubectl plugin `kubectl-reach`,
/// and the environment kubectl runs with. A task-local, like `CommandIO`, so that tests
/// set it per run instead of changing the process environment.
public struct RunContext: Sendable {
    /// Started as `kubectl-reach`: usage says `kubectl reach`, and with no paths the
    /// live cluster is read.
    public var asKubectlPlugin: Bool
    /// The environment of kubectl runs (`KUBECTL` picks the binary).
    public var environment: [String: String]

    public init(asKubectlPlugin: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.asKubectlPlugin = asKubectlPlugin
        self.environment = environment
    }

    /// The context for a program started as `argv0`: the plugin when its file name is `kubectl-reach`.
    public static func forProgram(_ argv0: String) -> RunContext {
        RunContext(asKubectlPlugin: (argv0 as NSString).lastPathComponent == "kubectl-reach")
    }

    @TaskLocal public static var current = RunContext()
}
