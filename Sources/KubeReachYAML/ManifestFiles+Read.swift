import Foundation
import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a path was not read; `diagnostic(at:)` names the path.
public enum FileRefusal: Error, Equatable, Sendable {
    /// Nothing at that path.
    case missing
    /// A symbolic link whose target does not exist.
    case danglingLink(target: String)
    /// A symbolic link that leads back to itself (ELOOP).
    case linkLoop
    /// A FIFO, a device or a socket: reading one may block forever or never end.
    case notRegular(kind: String)
    /// Standard input longer than the limit.
    case tooLarge(limit: Int)
    /// open or read failed: the system's reason.
    case unreadable(reason: String)
    /// A directory that cannot be listed (opendir failed): the system's reason.
    case unlistable(reason: String)

    public var message: String {
        switch self {
        case .missing: "no such file or directory"
        case .danglingLink(let target): "a symbolic link to '\(target)', which does not exist"
        case .linkLoop: "a symbolic link loop (too many levels of symbolic links)"
        case .notRegular(let kind): "not a regular file (\(kind)): only regular files are read"
        case .tooLarge(let limit): "larger than \(limit) bytes, the limit for standard input"
        case .unreadable(let reason): "cannot read: \(reason)"
        case .unlistable(let reason): "cannot list directory: \(reason)"
        }
    }

    func diagnostic(at path: String) -> Diagnostic { Diagnostic(.error, message, location: SourceLocation(file: path)) }

    /// The refusal for `errno` after open/stat of `path` failed.
    static func from(errno code: Int32, path: [UInt8]) -> FileRefusal {
        switch code {
        case ELOOP: return .linkLoop
        case ENOENT:
            if let target = ManifestFiles.linkTarget(path) { return .danglingLink(target: target) }
            return .missing
        default: return .unreadable(reason: String(cString: strerror(code)))
        }
    }
}

extension ManifestFiles {
    /// A regular file's bytes, read once. Opened non-blocking (a FIFO cannot stall `open`),
    /// then checked with `fstat`: anything but a regular file is refused before a byte is read.
    /// A JSON file of at least `SourceBytes.mapThreshold` bytes is mapped instead of read
    /// (its pages are handed back as the JSON reader goes: see `SourceBytes`).
    public static func readRegularFile(_ path: [UInt8]) -> Result<SourceBytes, FileRefusal> {
        let fd = withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) }
        guard fd >= 0 else { return .failure(.from(errno: errno, path: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind: kindName(info.st_mode))) }
        let size = Int(info.st_size)
        if size >= SourceBytes.mapThreshold, let mapped = SourceBytes(mapping: fd, count: size),
            mapped.withBuffer(JSONFastPath.applies(to:))
        {
            return .success(mapped)
        }
        return readStream(fd: fd, limit: Int.max, sizeHint: size).map(SourceBytes.init)
    }

    /// Everything `fd` gives until its end, refused past `limit` bytes (standard input).
    public static func readStream(fd: Int32, limit: Int, sizeHint: Int = 0) -> Result<[UInt8], FileRefusal> {
        var out: [UInt8] = []
        out.reserveCapacity(min(max(sizeHint, 0), limit))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN {
                // Standard input left non-blocking by whoever started us: wait for data.
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, -1)
                continue
            }
            guard n > 0 else { return n == 0 ? .success(out) : .failure(.unreadable(reason: String(cString: strerror(errno)))) }
            guard out.count + n <= limit else { return .failure(.tooLarge(limit: limit)) }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Whether `path` is a directory (following links, as a path named by the user).
    static func isDirectory(_ path: [UInt8]) -> Bool {
        var info = stat()
        return withCString(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The target of a symbolic link, nil when `path` is not one.
    static func linkTarget(_ path: [UInt8]) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = withCString(path) { readlink($0, &buffer, buffer.count - 1) }
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        default: "not a file"
        }
    }

    /// `body` with `path` as a NUL-terminated C string (a path with a NUL byte names nothing).
    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        let bytes = path.map { $0 == 0 ? UInt8(ascii: "?") : $0 } + [0]
        return bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}
