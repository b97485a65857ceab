import KubeReachCLI

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(Glibc)
    // One malloc arena per core, not glibc's eight: the engine's workers are one per core,
    // and more arenas only spread freed memory (dense rows built on workers and copied on
    // the main thread grew the peak by a third at 50,000 pods). Not one arena: with both
    // cores loading documents, one arena's lock was a fifth of the load's time (futex waits
    // in `perf`); 150,000 pods `list --by namespace`: 24.7 s → 18.4 s wall, 2.60 → 2.64 GB.
    // `mallopt` is not in the Glibc module map (malloc.h): look it up; M_ARENA_MAX is -8.
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let cores = max(1, Int32(truncatingIfNeeded: sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        _ = unsafeBitCast(symbol, to: MallOpt.self)(-8, cores)
    }
#endif

// Started as `kubectl-reach` (a symlink, or kubectl's plugin mechanism) it is `kubectl reach`.
let context = RunContext.forProgram(CommandLine.arguments.first ?? "kubereach")
exit(Runner.run(Array(CommandLine.arguments.dropFirst()), context: context))
