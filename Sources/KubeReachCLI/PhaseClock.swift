import Foundation

/// Wall time per phase and the process's peak resident memory after it; the process's CPU time
/// for the commands that report their own (`diff --watch -v`).
struct PhaseClock {
    private var last = PhaseClock.now()
    private let start = PhaseClock.now()
    private var lines: [String] = []

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func peakMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The process's CPU time so far (user and system), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    mutating func lap(_ name: String) {
        let t = Self.now()
        lines.append(String(format: "  %8.3f s  peak %7.1f MiB  %@", t - last, Self.peakMiB(), name))
        last = t
    }

    func report() -> String {
        lines.joined(separator: "\n") + "\n" + String(format: "  %8.3f s  total\n", Self.now() - start)
    }
}
