#if canImport(Glibc)
    import Glibc
#endif

/// Progress lines on stderr for work longer than a second: only on a terminal, never with
/// `--quiet`, and never on stdout (which carries the answer).
struct Progress {
    private let enabled: Bool
    private let start = Progress.now()
    private var last = Progress.now()

    init(quiet: Bool) { enabled = !quiet && CommandIO.current.errIsTerminal }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Reports a finished phase once the run has lasted over a second.
    mutating func done(_ phase: String) {
        let t = Self.now()
        defer { last = t }
        guard enabled, t - start > 1 else { return }
        CommandIO.current.err("kubereach: \(phase) (\(Int((t - last) * 1000)) ms)\n")
    }
}
