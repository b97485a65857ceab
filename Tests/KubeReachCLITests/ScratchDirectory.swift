import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory under the system's temporary folder, removed by `remove()`; the
/// `--out` tests build links, FIFOs and device nodes in it.
struct ScratchDirectory {
    let path: String

    init(_ tag: String) throws {
        path = NSTemporaryDirectory() + "kubereach-\(tag)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ text: String, to name: String, mode: mode_t? = nil) throws -> String {
        let p = file(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        if let mode { chmod(p, mode) }
        return p
    }

    func read(_ name: String) -> String? { try? String(contentsOfFile: file(name), encoding: .utf8) }

    /// A character device with the numbers of `/dev/null` (1, 3) or `/dev/full` (1, 7),
    /// made here so that no test can touch the host's own: nil unless running as root.
    func device(_ name: String, minor: UInt32) -> String? {
        let p = file(name)
        return mknod(p, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0 ? p : nil
    }
}

/// What `lstat` says about a path: its type, mode bits, owner and inode.
struct PathStatus: Equatable {
    var type: mode_t
    var mode: mode_t
    var uid: uid_t
    var gid: gid_t
    var inode: ino_t
    var device: dev_t

    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        type = info.st_mode & S_IFMT
        mode = info.st_mode & 0o7777
        uid = info.st_uid
        gid = info.st_gid
        inode = info.st_ino
        device = info.st_rdev
    }
}
