import Foundation
import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputDirectory {
    /// Gives the new DIR every entry of the old one it does not replace: files, links and
    /// other non-directories as hard links (the same inode: contents, mode, owner and open
    /// readers kept), subdirectories recreated with their mode and owner. Anything that
    /// cannot be carried over (another file system mounted inside, a name that is not
    /// UTF-8) stops the run with nothing written.
    func carry(_ from: String, into to: String, skipping: Set<String>) throws(CLIError) {
        guard let stream = opendir(from) else { throw .cannotWrite(given, errno: errno) }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let name = String(validating: raw, as: UTF8.self) else {
                throw .output(
                    "cannot write into \(given): \(from) holds a name that is not UTF-8, which cannot be carried over; nothing written")
            }
            if name == "." || name == ".." || skipping.contains(name) { continue }
            try carryEntry(inside(from, name), into: inside(to, name))
        }
    }

    private func carryEntry(_ source: String, into destination: String) throws(CLIError) {
        var info = stat()
        guard lstat(source, &info) == 0 else { throw keepFailure(source, errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            guard linkat(AT_FDCWD, source, AT_FDCWD, destination, 0) == 0 else { throw keepFailure(source, errno) }
            return
        }
        guard mkdir(destination, 0o700) == 0 else { throw keepFailure(source, errno) }
        try carry(source, into: destination, skipping: [])
        if let code = FileOwnership(info).apply(toDirectory: destination) { throw keepFailure(source, code) }
    }

    private func keepFailure(_ path: String, _ code: Int32) -> CLIError {
        .output("cannot write into \(given): cannot keep \(path) in the new directory: \(String(cString: strerror(code))); nothing written")
    }

    /// Publishes the staging directory as DIR in one rename: a new DIR appears (never over
    /// one that appeared meanwhile); an existing one is exchanged with it atomically, then
    /// removed. Where the kernel or file system cannot exchange, the old DIR is renamed
    /// aside (`.DIR.kubereach-old-RANDOM`) and the new one renamed in right after.
    func swapIn(_ staging: String) throws(CLIError) {
        guard existing != nil else {
            var code = Rename.renameat2(staging, real, flags: Rename.noReplace)
            if code == ENOSYS || code == EINVAL { code = rename(staging, real) == 0 ? nil : errno }
            if let code { throw .cannotWrite(given, errno: code) }
            return
        }
        var old = staging
        switch Rename.renameat2(staging, real, flags: Rename.exchange) {
        case nil: break
        case ENOSYS, EINVAL: old = try twoStepSwap(staging)
        case let code?: throw .cannotWrite(given, errno: code)
        }
        do { try FileManager.default.removeItem(atPath: old) } catch {
            let d = Diagnostic(
                .warning, "\(given) was written, but its previous version is left at \(old) (remove it; kubereach does not read it)")
            CommandIO.current.report(d)
        }
    }

    /// The fallback: two renames, the old DIR set aside in between (put back if the second fails).
    private func twoStepSwap(_ staging: String) throws(CLIError) -> String {
        let parent = (real as NSString).deletingLastPathComponent
        let old = inside(parent, StagingName.make(for: (real as NSString).lastPathComponent, role: .old))
        guard rename(real, old) == 0 else { throw .cannotWrite(given, errno: errno) }
        guard rename(staging, real) == 0 else {
            let code = errno
            rename(old, real)
            throw .cannotWrite(given, errno: code)
        }
        return old
    }
}

/// `renameat2(2)`, looked up at run time: the Glibc module map does not declare it.
enum Rename {
    static let noReplace: UInt32 = 1
    static let exchange: UInt32 = 2

    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// nil when done, else the errno (ENOSYS when the C library has no `renameat2`).
    static func renameat2(_ from: String, _ to: String, flags: UInt32) -> Int32? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return ENOSYS }
        let call = unsafeBitCast(symbol, to: Function.self)
        return call(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 ? nil : errno
    }
}
