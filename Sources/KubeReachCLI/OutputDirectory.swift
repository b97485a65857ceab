import Foundation
import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `generate --out DIR`: every file written into DIR, all or none. The files are written to
/// a private staging directory beside DIR (`.DIR.kubereach-staging-RANDOM`, same file
/// system), which then becomes DIR in one rename. An existing DIR is rebuilt there first —
/// its other entries hard-linked in, its subdirectories recreated, its mode and owner given
/// to the new one — and exchanged with it in one `renameat2(RENAME_EXCHANGE)`; the old one
/// is removed after. DIR itself never holds a staged file.
struct OutputDirectory {
    /// DIR as given, for messages.
    let given: String
    /// DIR after symbolic links.
    let real: String
    /// The existing DIR's mode and owner; nil when DIR is new.
    let existing: FileOwnership?

    init(_ directory: String) throws(CLIError) {
        given = directory
        switch try OutputPath.resolve(directory) {
        case .directory(let path, let ownership):
            guard let canonical = realpath(path, nil) else { throw .cannotWrite(directory, errno: errno) }
            defer { free(canonical) }
            real = String(cString: canonical)
            existing = ownership
        case .file(let path, nil):
            real = path
            existing = nil
        default: throw .output("cannot write into \(directory): not a directory")
        }
    }

    static func write(_ files: [(name: String, text: String)], to directory: String) throws(CLIError) {
        for f in files where f.name.isEmpty || f.name.contains("/") || f.name.hasPrefix(".") {
            throw .output("refusing to write a file named '\(f.name)'")
        }
        try OutputDirectory(directory).publish(files)
    }

    private func publish(_ files: [(name: String, text: String)]) throws(CLIError) {
        let replaced = try existing == nil ? [:] : replacedFiles(files.map(\.name))
        if existing != nil { try refuseWorkingDirectory() }
        let staging = try makeStaging()
        do throws(CLIError) {
            for f in files { try writeFile(f, into: staging, keeping: replaced[f.name]) }
            if let existing {
                try carry(real, into: staging, skipping: Set(files.map(\.name)))
                if let code = existing.apply(toDirectory: staging) { throw CLIError.cannotWrite(given, errno: code) }
            }
            try swapIn(staging)
        } catch {
            _ = try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// The mode and owner of each file the run replaces; a target that is a directory, a
    /// link or anything but a regular file stops the run before anything is written.
    private func replacedFiles(_ names: [String]) throws(CLIError) -> [String: FileOwnership] {
        var out: [String: FileOwnership] = [:]
        for name in names {
            var info = stat()
            guard lstat(inside(real, name), &info) == 0 else {
                if errno == ENOENT { continue }
                throw .cannotWrite(inside(given, name), errno: errno)
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: out[name] = FileOwnership(info)
            case S_IFDIR: throw .output("cannot write \(inside(given, name)): is a directory; nothing written")
            case S_IFLNK:
                throw .output(
                    "cannot write \(inside(given, name)): is a symbolic link, which --out DIR does not write through; nothing written")
            default: throw .output("cannot write \(inside(given, name)): not a regular file; nothing written")
            }
        }
        return out
    }

    /// A directory replaced by a new one would leave a shell inside it in the removed one.
    private func refuseWorkingDirectory() throws(CLIError) {
        guard let cwd = realpath(".", nil) else { return }
        defer { free(cwd) }
        let here = String(cString: cwd)
        if here == real || here.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
            throw .output("cannot write into \(given): it is replaced as a whole, and it holds the working directory; run from outside it")
        }
    }

    /// The staging directory beside DIR: 0700 while it is filled when it replaces DIR
    /// (then given DIR's mode), else created with the default mode it keeps.
    private func makeStaging() throws(CLIError) -> String {
        let parent = (real as NSString).deletingLastPathComponent
        let name = (real as NSString).lastPathComponent
        guard !name.isEmpty, name != "/" else { throw .output("cannot write into \(given): it cannot be replaced") }
        try makeDirectories(parent.isEmpty ? "." : parent)
        for _ in 0..<16 {
            let staging = inside(parent, StagingName.make(for: name, role: .staging))
            if mkdir(staging, existing == nil ? 0o777 : 0o700) == 0 { return staging }
            guard errno == EEXIST else { throw .cannotWrite(given, errno: errno) }
        }
        throw .cannotWrite(given, errno: EEXIST)
    }

    private func writeFile(_ f: (name: String, text: String), into staging: String, keeping: FileOwnership?) throws(CLIError) {
        let fd = open(inside(staging, f.name), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw .cannotWrite(inside(given, f.name), errno: errno) }
        var text = f.text
        var failure = keeping?.apply(to: fd)
        if failure == nil { failure = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: fd) } }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure { throw .cannotWrite(inside(given, f.name), errno: failure) }
    }

    /// `mkdir -p`, failing with the path and the reason.
    private func makeDirectories(_ path: String) throws(CLIError) {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, path != "/", !path.isEmpty else { throw .cannotWrite(given, errno: errno) }
        try makeDirectories((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o777) != 0 && errno != EEXIST { throw .cannotWrite(given, errno: errno) }
    }

    func inside(_ directory: String, _ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
}
