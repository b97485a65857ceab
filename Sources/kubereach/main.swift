import KubeReachCLI

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(Glibc)
    // One malloc arena: the engine builds its rows on worker threads and then copies them
    // on the main thread; with an arena per thread, the freed rows cannot hold the copies
    // and the peak grows by a third at 50,000 pods (measured: 2.86 → 2.36 GB, and faster).
    // `mallopt` is not in the Glibc module map (malloc.h): look it up; M_ARENA_MAX is -8.
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(symbol, to: MallOpt.self)(-8, 1)
    }
#endif

// Started as `kubectl-reach` (a symlink, or kubectl's plugin mechanism) it is `kubectl reach`.
let context = RunContext.forProgram(CommandLine.arguments.first ?? "kubereach")
exit(Runner.run(Array(CommandLine.arguments.dropFirst()), context: context))
