import Foundation

/// Waiting for processes the tests started to go away.
public enum SubprocessTestSupport {
    /// Whether `pid` is gone (or a zombie: it runs nothing), waiting up to 2 s.
    public static func waitGone(_ pid: pid_t) -> Bool {
        func gone() -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            return stat.split(separator: ")").last?.dropFirst().first == "Z"
        }
        for _ in 0..<100 where !gone() { usleep(20_000) }
        return gone()
    }
}
