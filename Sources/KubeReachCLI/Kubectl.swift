import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs kubectl with the user's kubeconfig and context, so that every auth plugin, proxy
/// and certificate setting works exactly as for `kubectl` itself. Output goes to files in a
/// scratch directory, never to a pipe: a full pipe would stall kubectl, and a file is read
/// into memory once.
struct Kubectl {
    var executable: String
    /// `--kubeconfig`, `--context` and the request timeout, given before every command.
    var globalArguments: [String]
    var environment: [String: String]
    /// Longest one kubectl run may take before it is stopped (kubectl's own request timeout
    /// is shorter; this catches a stuck auth plugin).
    var timeout: Int = 180

    init(kubeconfig: String?, context: String?, environment: [String: String]) throws(LiveClusterError) {
        executable = try Self.locate(environment)
        globalArguments = ["--request-timeout=60s"]
        if let kubeconfig { globalArguments += ["--kubeconfig", kubeconfig] }
        if let context { globalArguments += ["--context", context] }
        self.environment = environment
    }

    /// `KUBECTL` when set (a path, or a name looked up on PATH), else `kubectl` on PATH.
    static func locate(_ environment: [String: String]) throws(LiveClusterError) -> String {
        let wanted = environment["KUBECTL"].flatMap { $0.isEmpty ? nil : $0 } ?? "kubectl"
        if wanted.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: wanted) else {
                throw .kubectlMissing(looked: "KUBECTL=\(wanted) is not an executable file")
            }
            return wanted
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(wanted)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw .kubectlMissing(looked: "no '\(wanted)' on PATH")
    }

    /// A started run; `finish` waits for it.
    struct Running {
        var process: Process
        var done: DispatchSemaphore
        var stdout: URL
        var stderr: URL
        var command: String
    }

    /// A finished run. `stdout` is a file in the scratch directory.
    struct Output {
        var status: Int32
        var timedOut: Bool
        var stdout: URL
        var stderr: String
        var command: String
    }

    /// Starts `kubectl ARGS`, its output in `directory/tag.out` and `directory/tag.err`.
    func start(_ arguments: [String], in directory: URL, tag: String) throws(LiveClusterError) -> Running {
        let out = directory.appendingPathComponent("\(tag).out"), err = directory.appendingPathComponent("\(tag).err")
        let command = (["kubectl"] + arguments).joined(separator: " ")
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
            FileManager.default.createFile(atPath: err.path, contents: nil),
            let outHandle = FileHandle(forWritingAtPath: out.path), let errHandle = FileHandle(forWritingAtPath: err.path)
        else { throw .kubectlFailed(command: command, message: "cannot create a scratch file in \(directory.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = globalArguments + arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw .kubectlFailed(command: command, message: "cannot start \(executable): \(error.localizedDescription)")
        }
        try? outHandle.close()
        try? errHandle.close()
        return Running(process: process, done: done, stdout: out, stderr: err, command: command)
    }

    /// Waits for a run, stopping it after `timeout` seconds.
    func finish(_ running: Running) -> Output {
        var timedOut = false
        if running.done.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            timedOut = true
            running.process.terminate()
            if running.done.wait(timeout: .now() + .seconds(5)) == .timedOut { kill(running.process.processIdentifier, SIGKILL) }
        }
        let stderr = (try? String(contentsOf: running.stderr, encoding: .utf8)) ?? ""
        let status = timedOut ? -1 : running.process.terminationStatus
        return Output(status: status, timedOut: timedOut, stdout: running.stdout, stderr: stderr, command: running.command)
    }

    /// Runs one command to its end.
    func run(_ arguments: [String], in directory: URL, tag: String) throws(LiveClusterError) -> Output {
        finish(try start(arguments, in: directory, tag: tag))
    }

    /// kubectl's stderr without its klog lines (`E1129 16:04:56.812 ...`), which repeat the
    /// message in Go syntax; at most a few lines.
    static func trimmed(_ stderr: String) -> String {
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let plain = lines.filter { !isKlogLine($0) }
        let kept = (plain.isEmpty ? lines : plain).suffix(4).joined(separator: "; ")
        return kept.count > 600 ? String(kept.prefix(600)) + "…" : kept
    }

    private static func isKlogLine(_ line: String) -> Bool {
        let chars = Array(line.prefix(6))
        return chars.count == 6 && "IWEF".contains(chars[0]) && chars[1...4].allSatisfy(\.isNumber) && chars[5] == " "
    }
}
