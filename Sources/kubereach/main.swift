#if canImport(Glibc)
    import Glibc
#endif
import KubeReachCLI

// Started as `kubectl-reach` (a symlink, or kubectl's plugin mechanism) it is `kubectl reach`.
let context = RunContext.forProgram(CommandLine.arguments.first ?? "kubereach")
exit(Runner.run(Array(CommandLine.arguments.dropFirst()), context: context))
