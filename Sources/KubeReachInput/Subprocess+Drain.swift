import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SpawnedChild {
    /// Reads stdout and stderr together until both end and the child has exited, or until a
    /// stop (deadline, stdout cap); then kills what is left of the process group, closes the
    /// pipes and reaps the child. Every path goes through the same end.
    func drain(_ limits: Subprocess.Limits) -> Subprocess.Output {
        var streams = [Stream(fd: stdout, cap: limits.stdoutBytes, failsPastCap: true), Stream(fd: stderr, cap: limits.stderrBytes)]
        var stop: Subprocess.Stop?
        var exitedAt: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let clock = ContinuousClock()
        while stop == nil {
            let now = clock.now
            if now >= limits.deadline {
                stop = .deadline
                break
            }
            if exitedAt == nil && hasExited() {
                exitedAt = now
                // Helpers the child left in its group (auth plugins) go with it.
                killGroup()
            }
            let open = streams.indices.filter { streams[$0].isOpen }
            if open.isEmpty && exitedAt != nil { break }
            if let exitedAt, now - exitedAt > limits.drainAfterExit { break }
            if open.isEmpty {
                usleep(5_000)
                continue
            }
            let wait = min(limits.deadline - now, .milliseconds(50))
            stop = readSome(
                &streams, open, into: &chunk,
                timeoutMilliseconds: Int32(max(1, wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)))
        }
        if stop != nil || exitedAt == nil { killGroup() }
        for s in streams where s.isOpen { close(s.fd) }
        let status = reap()
        ChildGroups.remove(pid)
        return Subprocess.Output(status: status, stdout: streams[0].bytes, stderr: streams[1].bytes, stop: stop)
    }

    /// One pipe being read.
    struct Stream {
        var fd: Int32
        var cap: Int
        /// stdout: past the cap is a stop. stderr: past the cap is read and dropped.
        var failsPastCap = false
        var bytes: [UInt8] = []
        var isOpen = true
    }

    /// One `poll` over the open pipes and a read from each readable one.
    private func readSome(_ streams: inout [Stream], _ open: [Int], into chunk: inout [UInt8], timeoutMilliseconds: Int32) -> Subprocess
        .Stop?
    {
        var fds = open.map { pollfd(fd: streams[$0].fd, events: Int16(POLLIN), revents: 0) }
        let n = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        guard n > 0 else { return nil }
        for (i, index) in open.enumerated() where fds[i].revents != 0 {
            let count = chunk.withUnsafeMutableBytes { read(streams[index].fd, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else {
                close(streams[index].fd)
                streams[index].isOpen = false
                continue
            }
            let room = streams[index].cap - streams[index].bytes.count
            if count > room && streams[index].failsPastCap { return .outputCap(streams[index].cap) }
            streams[index].bytes.append(contentsOf: chunk[0..<min(count, max(room, 0))])
        }
        return nil
    }

    /// Whether the child has exited, without reaping it: until it is reaped its pid (which is
    /// also the group's id) cannot be reused, so killing the group stays safe.
    private func hasExited() -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
        return info._sifields._kill.si_pid == pid
    }

    private func killGroup() { _ = kill(-pid, SIGKILL) }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    private func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
