import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `--out` file being written. A regular file (or a new one) is written to a private
/// temporary file beside its real path and renamed over it by `commit`, with the old
/// file's mode and owner: readers see the old text or the new, never a part. Anything
/// else — a device, a FIFO, a socket, a descriptor such as `/dev/stdout` — is written
/// through, never replaced. Every failure is `cannot write PATH: REASON`.
final class OutputFile {
    /// The path as given, for messages.
    let path: String
    private var sink: Sink

    private enum Sink {
        /// A temporary file to rename over `target` on commit.
        case replacing(fd: Int32, temporary: String, target: String)
        /// Written through: `fd` is closed on commit only when `owned`.
        case through(fd: Int32, owned: Bool)
        case standardOutput
        case finished
    }

    init(_ path: String) throws(CLIError) {
        self.path = path
        switch try OutputPath.resolve(path) {
        case .standardOutput: sink = .standardOutput
        case .descriptor(let fd): sink = .through(fd: fd, owned: false)
        case .directory: throw .output("cannot write \(path): is a directory")
        case .special(let real):
            let fd = open(real, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw .cannotWrite(path, errno: errno) }
            sink = .through(fd: fd, owned: true)
        case .file(let real, let existing):
            let (fd, temporary) = try Self.temporaryFile(beside: real, for: path, replacing: existing != nil)
            sink = .replacing(fd: fd, temporary: temporary, target: real)
            if let existing, let code = existing.apply(to: fd) {
                throw .output(
                    "cannot write \(path): cannot keep its owner (\(existing.uid):\(existing.gid)) and mode (\(String(existing.mode, radix: 8))): \(String(cString: strerror(code)))"
                )
            }
        }
    }

    deinit { discard() }

    func write(_ text: String) throws(CLIError) {
        var text = text
        if let code = text.withUTF8({ put(UnsafeRawBufferPointer($0)) }) { throw .cannotWrite(path, errno: code) }
    }

    func write(_ bytes: [UInt8]) throws(CLIError) {
        if let code = bytes.withUnsafeBytes({ put($0) }) { throw .cannotWrite(path, errno: code) }
    }

    /// The errno of a failed write.
    private func put(_ buffer: UnsafeRawBufferPointer) -> Int32? {
        switch sink {
        case .replacing(let fd, _, _), .through(let fd, _): return writeAll(buffer, to: fd)
        case .standardOutput: CommandIO.current.outBytes(Array(buffer))
        case .finished: break
        }
        return nil
    }

    /// Makes the text visible: the temporary file flushed to disk and renamed over the
    /// target, or the descriptor closed (a device reports a late error only there).
    func commit() throws(CLIError) {
        let current = sink
        sink = .finished
        switch current {
        case .replacing(let fd, let temporary, let target):
            var failure = fsync(fd) == 0 ? nil : errno
            if close(fd) != 0, failure == nil { failure = errno }
            if failure == nil, rename(temporary, target) != 0 { failure = errno }
            guard let failure else { return }
            unlink(temporary)
            throw .cannotWrite(path, errno: failure)
        case .through(let fd, let owned):
            if owned, close(fd) != 0 { throw .cannotWrite(path, errno: errno) }
        case .standardOutput, .finished: break
        }
    }

    /// Leaves the target as it was (the temporary file removed).
    func discard() {
        switch sink {
        case .replacing(let fd, let temporary, _):
            close(fd)
            unlink(temporary)
        case .through(let fd, let owned): if owned { close(fd) }
        case .standardOutput, .finished: break
        }
        sink = .finished
    }

    /// `.NAME.kubereach-tmp-RANDOM` in the target's directory, created exclusively: mode
    /// 0600 when it replaces a file (given that file's mode before anything is written),
    /// else the default mode for new files (0666 less the umask).
    private static func temporaryFile(beside target: String, for path: String, replacing: Bool) throws(CLIError) -> (Int32, String) {
        let directory = (target as NSString).deletingLastPathComponent
        for _ in 0..<16 {
            let name = StagingName.make(for: (target as NSString).lastPathComponent, role: .temporary)
            let temporary = directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replacing ? 0o600 : 0o666)
            if fd >= 0 { return (fd, temporary) }
            guard errno == EEXIST else { throw .cannotWrite(path, errno: errno) }
        }
        throw .cannotWrite(path, errno: EEXIST)
    }
}

/// Writes every byte, retrying short writes and EINTR; the errno of a failure.
func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
    guard let base = buffer.baseAddress else { return nil }
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, base + offset, buffer.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += n
    }
    return nil
}
