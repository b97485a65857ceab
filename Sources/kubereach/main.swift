#if canImport(Glibc)
    import Glibc
#endif
import KubeReachCLI

exit(Runner.run(Array(CommandLine.arguments.dropFirst())))
