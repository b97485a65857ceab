import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One child started by `posix_spawn` in a process group of its own, with the read ends of
/// its stdout and stderr pipes. `drain` owns it from then on: reads, stops, reaps, closes.
struct SpawnedChild: Sendable {
    let pid: pid_t
    let stdout: Int32
    let stderr: Int32

    /// Spawns `process`. Pipes and spawn happen under one lock so that no other spawn of
    /// ours inherits a pipe end (which would hold it open past this child's exit).
    static func spawn(_ process: Subprocess) throws(Subprocess.StartFailure) -> SpawnedChild {
        ChildGroups.installSignalHandlers()
        ChildGroups.spawnLock.lock()
        defer { ChildGroups.spawnLock.unlock() }
        do {
            var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
            guard makePipe(&out), makePipe(&err) else {
                for fd in out + err where fd >= 0 { close(fd) }
                throw Subprocess.StartFailure(executable: process.executable, reason: String(cString: strerror(errno)))
            }
            defer {
                close(out[1])
                close(err[1])
            }
            let pid: pid_t
            switch spawnChild(process, stdout: out[1], stderr: err[1]) {
            case .success(let p): pid = p
            case .failure(let e):
                close(out[0])
                close(err[0])
                throw Subprocess.StartFailure(executable: process.executable, reason: String(cString: strerror(e.code)))
            }
            ChildGroups.add(pid)
            return SpawnedChild(pid: pid, stdout: out[0], stderr: err[0])
        }
    }

    /// A close-on-exec pipe.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private struct SpawnError: Error { var code: Int32 }

    /// posix_spawn with stdin from /dev/null, stdout and stderr on the pipes, a new process
    /// group, default signal dispositions and an empty signal mask.
    private static func spawnChild(_ process: Subprocess, stdout: Int32, stderr: Int32) -> Result<pid_t, SpawnError> {
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&mask)
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = cStrings([process.executable] + process.arguments)
        let envp = process.environment.map { env in cStrings(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }
        defer {
            for p in argv { free(p) }
            for p in envp ?? [] { free(p) }
        }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { args in
            if let envp {
                return envp.withUnsafeBufferPointer { env in
                    posix_spawn(&pid, process.executable, &actions, &attributes, args.baseAddress!, env.baseAddress!)
                }
            }
            return posix_spawn(&pid, process.executable, &actions, &attributes, args.baseAddress!, environ)
        }
        return code == 0 ? .success(pid) : .failure(SpawnError(code: code))
    }

    /// NUL-terminated copies and a trailing nil, as execve wants.
    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }
}
