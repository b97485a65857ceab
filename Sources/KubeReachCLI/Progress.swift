/// Progress lines on stderr for work longer than a second: only on a terminal, never with
/// `--quiet`, and never on stdout (which carries the answer).
struct Progress {
    private let enabled: Bool
    private let start = PhaseClock.now()
    private var last = PhaseClock.now()

    init(quiet: Bool) { enabled = !quiet && CommandIO.current.errIsTerminal }

    /// Reports a finished phase once the run has lasted over a second.
    mutating func done(_ phase: String) {
        let t = PhaseClock.now()
        defer { last = t }
        guard enabled, t - start > 1 else { return }
        CommandIO.current.err("kubereach: \(phase) (\(Int((t - last) * 1000)) ms)\n")
    }
}
