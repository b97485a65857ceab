import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way kubereach runs another program (git for `git:REV:path`, kubectl for a live
/// cluster). The same policy for both:
/// - argv only, never a shell; the executable is an absolute path found by `locate`;
/// - stdin is `/dev/null`; stdout and stderr are pipes drained together by one thread
///   (`poll`), so neither can fill up and stall the child;
/// - the child leads its own process group, and the whole group (auth plugins, helpers) is
///   killed with SIGKILL when the deadline passes, when stdout passes its cap, when the child
///   exits leaving helpers behind, and when kubereach itself gets SIGINT, SIGTERM or SIGHUP
///   (`ChildGroups`);
/// - nothing is written to disk: output is held in memory up to the caps.
///
/// Why not swiftlang/swift-subprocess (1.0.2 is in the package mirror): it has process groups,
/// caps and teardown sequences, but only as an `async` API, while every command here is
/// synchronous; it cannot kill its children when kubereach itself is interrupted; and it
/// adds swift-system and a tools-version 6.2 package to every build. This file is ~250 lines
/// of posix_spawn and poll.
struct Subprocess: Sendable {
    /// An absolute path (see `locate`).
    var executable: String
    var arguments: [String]
    /// The child's whole environment; nil: kubereach's own.
    var environment: [String: String]?
    var limits: Limits

    struct Limits: Sendable {
        /// Past this many bytes of stdout the run is stopped (`Stop.outputCap`).
        var stdoutBytes: Int = 1 << 30
        /// stderr past this many bytes is read and dropped; the first bytes hold the message.
        var stderrBytes: Int = 64 << 10
        /// When the run is stopped (`Stop.deadline`).
        var deadline: ContinuousClock.Instant
        /// How long the pipes may stay open after the child exited (held by a process that
        /// left the group) before they are closed.
        var drainAfterExit: Duration = .seconds(2)

        init(stdoutBytes: Int = 1 << 30, stderrBytes: Int = 64 << 10, deadline: ContinuousClock.Instant) {
            self.stdoutBytes = stdoutBytes
            self.stderrBytes = stderrBytes
            self.deadline = deadline
        }

        /// The default caps and a deadline `seconds` from now.
        static func within(seconds: Double) -> Limits { Limits(deadline: .now + .milliseconds(Int(seconds * 1000))) }
    }

    /// Why a run was stopped before its end.
    enum Stop: Sendable, Equatable {
        case deadline
        case outputCap(Int)
    }

    /// A finished run.
    struct Output: Sendable {
        /// The exit status; 128 + the signal number when a signal ended the child.
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// Set when the run was stopped (the group was killed); `status` is then meaningless.
        var stop: Stop?
        var succeeded: Bool { stop == nil && status == 0 }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The program could not be started at all.
    struct StartFailure: Error, Sendable, Equatable {
        var executable: String
        var reason: String
    }

    /// Runs to the end (or to a stop).
    func run() throws(StartFailure) -> Output { try start().wait() }

    /// Starts the child; its output is drained by a thread of its own until `wait`.
    func start() throws(StartFailure) -> Running {
        let spawned = try SpawnedChild.spawn(self)
        return Running(child: spawned, limits: limits)
    }

    /// `name` when it holds a `/` (and is executable), else the first executable `name` on
    /// `PATH` (the process's when the environment has none). nil when there is none.
    static func locate(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// A started run: `wait` blocks until the drain thread has reaped the child.
    final class Running: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var output: Output?
        let pid: pid_t

        fileprivate init(child: SpawnedChild, limits: Limits) {
            pid = child.pid
            let thread = Thread { [self] in
                output = child.drain(limits)
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }

        func wait() -> Output {
            done.wait()
            done.signal()
            return output!
        }
    }
}
