import Foundation
import KubeReachCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the manifest files named by some paths look like on disk, without reading them:
/// each file loading would read (directories walked the same way) with its size,
/// modification time and inode, and the paths that could not be looked at. `diff --watch`
/// takes one every half second and loads again when two differ; an editor's save (the file
/// rewritten, or replaced by a rename) changes at least one of the three.
public struct InputSnapshot: Equatable, Sendable {
    struct File: Equatable {
        let path: [UInt8]
        let size: Int
        let seconds: Int
        let nanoseconds: Int
        let inode: UInt64
    }

    private var files: [File] = []
    /// Problems count as state: a file becoming unreadable, or readable again, is a change.
    private var problems: [String] = []

    /// The snapshot of `paths` (files or directories; `-` has no state and is not looked at).
    public init(paths: [String]) {
        for text in paths where text != "-" {
            let path = Array(text.utf8)
            var listed: [[UInt8]] = [path]
            if ManifestFiles.isDirectory(path) {
                var found: [Diagnostic] = []
                listed = []
                ManifestFiles.walk(path, into: &listed, problems: &found)
                listed.sort { $0.lexicographicallyPrecedes($1) }
                problems += found.map(\.message)
            }
            for file in listed {
                var info = stat()
                guard ManifestFiles.withCString(file, { stat($0, &info) }) == 0 else {
                    problems.append("\(ManifestFiles.displayName(file)): errno \(errno)")
                    continue
                }
                files.append(
                    File(
                        path: file, size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec),
                        nanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino)))
            }
        }
    }

    /// How many files are in one snapshot and not the same in the other (added, removed or changed).
    public func filesChanged(since other: InputSnapshot) -> Int {
        let mine = Set(files.map(\.path)), theirs = Dictionary(other.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = files.filter { theirs[$0.path] != $0 }.count
        return changed + theirs.keys.filter { !mine.contains($0) }.count
    }
}
