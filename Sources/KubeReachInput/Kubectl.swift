import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs kubectl with the user's kubeconfig and context, so that every auth plugin, proxy
/// and certificate setting works exactly as for `kubectl` itself, through `Subprocess`:
/// output in memory (no scratch files), capped at `outputLimit` bytes; each run stopped
/// after `timeout` seconds and every run by one overall `deadline`, the whole process group
/// killed either way.
public struct Kubectl: Sendable {
    var executable: String
    /// `--kubeconfig`, `--context` and the request timeout, given before every command.
    var globalArguments: [String]
    var environment: [String: String]
    /// Longest one kubectl run may take before it is stopped (kubectl's own request timeout
    /// is shorter; this catches a stuck auth plugin).
    var timeout: Int = 180
    /// The whole live read ends by then: `KUBEREACH_LIVE_DEADLINE` seconds (default 600)
    /// after the first kubectl run is prepared.
    var deadline: ContinuousClock.Instant
    var deadlineSeconds: Int
    /// Largest output of one kubectl run: `KUBEREACH_LIVE_MAX_BYTES` (default 2 GiB).
    var outputLimit: Int

    public init(kubeconfig: String?, context: String?, environment: [String: String]) throws(LiveClusterError) {
        executable = try Self.locate(environment)
        globalArguments = ["--request-timeout=60s"]
        if let kubeconfig { globalArguments += ["--kubeconfig", kubeconfig] }
        if let context { globalArguments += ["--context", context] }
        self.environment = environment
        deadlineSeconds = environment["KUBEREACH_LIVE_DEADLINE"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 600
        deadline = .now + .seconds(deadlineSeconds)
        outputLimit = environment["KUBEREACH_LIVE_MAX_BYTES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 2 << 30
    }

    /// `KUBECTL` when set (a path, or a name looked up on PATH), else `kubectl` on PATH.
    static func locate(_ environment: [String: String]) throws(LiveClusterError) -> String {
        let wanted = environment["KUBECTL"].flatMap { $0.isEmpty ? nil : $0 } ?? "kubectl"
        if let found = Subprocess.locate(wanted, environment: environment) { return found }
        if wanted.contains("/") { throw .kubectlMissing(looked: "KUBECTL=\(wanted) is not an executable file") }
        throw .kubectlMissing(looked: "no '\(wanted)' on PATH")
    }

    /// A started run; `finish` waits for it.
    struct Running {
        var process: Subprocess.Running
        var command: String
        var timeout: Int
    }

    /// A finished run.
    struct Output {
        var status: Int32
        var stop: Subprocess.Stop?
        var stdout: [UInt8]
        var stderr: String
        var command: String
        /// The seconds this run was allowed (its timeout, or what was left of the deadline).
        var allowed: Int
        var timedOut: Bool { stop == .deadline }
        var failed: Bool { status != 0 || stop != nil }
    }

    /// Starts `kubectl ARGS`.
    func start(_ arguments: [String]) throws(LiveClusterError) -> Running {
        let command = (["kubectl"] + arguments).joined(separator: " ")
        let perRun = ContinuousClock.now + .seconds(timeout)
        let ends = min(perRun, deadline)
        let allowed = ends == perRun ? timeout : deadlineSeconds
        let process = Subprocess(
            executable: executable, arguments: globalArguments + arguments, environment: environment,
            limits: Subprocess.Limits(stdoutBytes: outputLimit, deadline: ends))
        do {
            return Running(process: try process.start(), command: command, timeout: allowed)
        } catch {
            throw .kubectlFailed(command: command, message: "cannot start \(executable): \(error.reason)")
        }
    }

    /// Waits for a run (it is stopped by its deadline).
    func finish(_ running: Running) -> Output {
        let out = running.process.wait()
        return Output(
            status: out.status, stop: out.stop, stdout: out.stdout, stderr: out.stderrText, command: running.command,
            allowed: running.timeout)
    }

    /// Runs one command to its end.
    func run(_ arguments: [String]) throws(LiveClusterError) -> Output {
        finish(try start(arguments))
    }

    /// kubectl's stderr as kubereach relays it: secrets redacted (`Redaction`), without its
    /// klog lines (`E1129 16:04:56.812 ...`), which repeat the message in Go syntax; at most a
    /// few lines, joined on one line. It reaches the terminal only inside a `Diagnostic`, whose
    /// text shows control characters (terminal escapes) escaped.
    static func trimmed(_ stderr: String) -> String {
        let lines = Redaction.redacted(stderr).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let plain = lines.filter { !isKlogLine($0) }
        let kept = (plain.isEmpty ? lines : plain).suffix(4).joined(separator: "; ")
        return kept.count > 600 ? String(kept.prefix(600)) + "…" : kept
    }

    private static func isKlogLine(_ line: String) -> Bool {
        let chars = Array(line.prefix(6))
        return chars.count == 6 && "IWEF".contains(chars[0]) && chars[1...4].allSatisfy(\.isNumber) && chars[5] == " "
    }
}
