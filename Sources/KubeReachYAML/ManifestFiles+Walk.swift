import Foundation
import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ManifestFiles {
    /// Adds the manifest files below `directory` to `files` (unsorted): subdirectories
    /// recursively, entries named `*.yaml`, `*.yml`, `*.json` (any case), names as bytes so
    /// that a name that is not UTF-8 is still opened. Symbolic links to directories are not
    /// followed (no loops); links to files are kept; kubereach's own staging entries
    /// (`isOwnStaging`) are left out; a manifest-named link that leads
    /// nowhere (dangling, a loop) is a problem, as is a directory that cannot be listed. A
    /// FIFO or device named like a manifest is kept here and refused when read.
    static func walk(_ directory: [UInt8], into files: inout [[UInt8]], problems: inout [Diagnostic]) {
        guard let dir = withCString(directory, { opendir($0) }) else {
            let refusal = FileRefusal.unlistable(reason: String(cString: strerror(errno)))
            return problems.append(refusal.diagnostic(at: displayName(directory)))
        }
        defer { closedir(dir) }
        var subdirectories: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 {
                    problems.append(FileRefusal.unreadable(reason: String(cString: strerror(errno))).diagnostic(at: displayName(directory)))
                }
                break
            }
            let name = entryName(entry)
            if name == [UInt8(ascii: ".")] || name == Array("..".utf8) { continue }
            if isOwnStaging(Substring(displayName(name))) { continue }
            let full = directory.last == UInt8(ascii: "/") ? directory + name : directory + [UInt8(ascii: "/")] + name
            switch classify(full, isManifest: isManifestName(name)) {
            case .directory: subdirectories.append(full)
            case .file: files.append(full)
            case .ignored: break
            case .refused(let refusal): problems.append(refusal.diagnostic(at: displayName(full)))
            }
        }
        for sub in subdirectories { walk(sub, into: &files, problems: &problems) }
    }

    private enum Entry {
        case directory, file, ignored
        case refused(FileRefusal)
    }

    /// What a directory entry is, without following a link to a directory.
    private static func classify(_ path: [UInt8], isManifest: Bool) -> Entry {
        var info = stat()
        guard withCString(path, { lstat($0, &info) }) == 0 else {
            return .refused(.unreadable(reason: String(cString: strerror(errno))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK:
            guard isManifest else { return .ignored }
            var target = stat()
            guard withCString(path, { stat($0, &target) }) == 0 else { return .refused(.from(errno: errno, path: path)) }
            return target.st_mode & S_IFMT == S_IFDIR ? .ignored : .file
        default: return isManifest ? .file : .ignored
        }
    }

    /// `d_name` as bytes.
    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafeBytes(of: &entry.pointee.d_name) { raw in
            Array(raw.prefix { $0 != 0 })
        }
    }
}
