import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an `--out` path names once every symbolic link is followed, and so how it is
/// written: a regular file is replaced beside itself, anything else is written through.
enum OutputPath: Equatable {
    /// `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` (or a link to one): the command's own
    /// standard output, written through `CommandIO`.
    case standardOutput
    /// Another descriptor of this process named by path (`/dev/stderr`, `/dev/fd/N`):
    /// written to as it is open, never reopened.
    case descriptor(Int32)
    /// A device, FIFO or socket: opened and written through, never replaced.
    case special(String)
    /// A regular file (its real path, after links), or nothing yet: written beside it and
    /// renamed over it. `existing` is the file's mode and owner, kept by the new file.
    case file(String, existing: FileOwnership?)
    /// A directory (its real path, after links).
    case directory(String, FileOwnership)

    /// Follows `path` link by link (at most 40, as the kernel does); a relative link is
    /// read from the link's own directory.
    static func resolve(_ path: String) throws(CLIError) -> OutputPath {
        var current = path
        for _ in 0..<40 {
            if let fd = descriptorNumber(current) { return fd == 1 ? .standardOutput : .descriptor(fd) }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                guard errno == ENOENT else { throw .cannotWrite(path, errno: errno) }
                return .file(current, existing: nil)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: current = try linkTarget(of: current, given: path)
            case S_IFREG: return .file(current, existing: FileOwnership(info))
            case S_IFDIR: return .directory(current, FileOwnership(info))
            default: return .special(current)
            }
        }
        throw .cannotWrite(path, errno: ELOOP)
    }

    /// The descriptor a path names without touching the file system: `/dev/stdout`,
    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count)).flatMap { $0 >= 0 ? $0 : nil }
            }
            return nil
        }
    }

    private static func linkTarget(of link: String, given path: String) throws(CLIError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(link, &buffer, buffer.count - 1)
        guard n >= 0 else { throw .cannotWrite(path, errno: errno) }
        let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return ((link as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
    }
}

/// The mode bits and owner of a file, which its replacement is given.
struct FileOwnership: Equatable {
    var mode: mode_t
    var uid: uid_t
    var gid: gid_t

    init(_ info: stat) {
        mode = info.st_mode & 0o7777
        uid = info.st_uid
        gid = info.st_gid
    }

    /// Gives the open file `fd` this owner and mode; the errno of the call that failed.
    func apply(to fd: Int32) -> Int32? {
        var now = stat()
        guard fstat(fd, &now) == 0 else { return errno }
        if now.st_uid != uid || now.st_gid != gid, fchown(fd, uid, gid) != 0 { return errno }
        return fchmod(fd, mode) == 0 ? nil : errno
    }

    /// The same for a directory, by path.
    func apply(toDirectory path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return apply(to: fd)
    }
}

extension CLIError {
    /// `error: cannot write PATH: REASON`, the reason in words from `errno`.
    static func cannotWrite(_ path: String, errno code: Int32) -> CLIError {
        .output("cannot write \(path): \(String(cString: strerror(code)))")
    }
}
