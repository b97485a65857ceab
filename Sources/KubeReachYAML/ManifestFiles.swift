import Foundation
import KubeReachCore

/// Turns command-line paths into sources: files, directories (recursively, `.yaml`,
/// `.yml`, `.json`, in sorted order) and `-` for standard input (capped). Only regular files
/// are read; every path that cannot be read is an error naming it (`FileRefusal`).
public enum ManifestFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Standard input past this many bytes is refused (a stream has no size to check first).
    public static let defaultStdinLimit = 1 << 30

    /// What `gather` found: the sources read, and one error per path that could not be.
    public struct Gathered: Sendable {
        public var sources: [ManifestSource]
        /// One error per path that could not be read, naming it.
        public var problems: [Diagnostic]
    }

    /// Every source, or every problem: any path that cannot be read is an error.
    public static func collect(_ paths: [String]) throws(LoadFailure) -> [ManifestSource] {
        let gathered = gather(paths.map { Array($0.utf8) })
        if !gathered.problems.isEmpty { throw LoadFailure(diagnostics: gathered.problems) }
        return gathered.sources
    }

    /// Reads every path (bytes, so that names that are not UTF-8 can be opened): files as
    /// given, directories walked, `-` as standard input (once). Only regular files are read;
    /// whatever cannot be read (missing, unreadable, a dangling link or a link loop, a FIFO or
    /// a device) is a problem naming it, never silently left out.
    public static func gather(_ paths: [[UInt8]], stdinLimit: Int = defaultStdinLimit) -> Gathered {
        var out = Gathered(sources: [], problems: [])
        var readStdin = false
        var seen: Set<[UInt8]> = []
        for path in paths {
            if path == Array("-".utf8) {
                if readStdin { continue }
                readStdin = true
                switch readStream(fd: 0, limit: stdinLimit) {
                case .success(let bytes): out.sources.append(ManifestSource(name: "<stdin>", bytes: bytes))
                case .failure(let refusal): out.problems.append(refusal.diagnostic(at: "<stdin>"))
                }
                continue
            }
            var files: [[UInt8]] = [path]
            if isDirectory(path) {
                files = []
                walk(path, into: &files, problems: &out.problems)
                files.sort { $0.lexicographicallyPrecedes($1) }
            }
            // A file named twice (itself and through its directory) is read once, not
            // reported as a duplicate of itself.
            for file in files where seen.insert(normalized(file)).inserted {
                switch readRegularFile(file) {
                case .success(let bytes): out.sources.append(ManifestSource(name: displayName(file), storage: bytes))
                case .failure(let refusal): out.problems.append(refusal.diagnostic(at: displayName(file)))
                }
            }
        }
        return out
    }

    /// Whether a file name ends in `.yaml`, `.yml` or `.json` (any case).
    public static func isManifestName(_ name: [UInt8]) -> Bool {
        let last = name.split(separator: UInt8(ascii: "/")).last ?? []
        guard let dot = last.lastIndex(of: UInt8(ascii: ".")), dot != last.startIndex else { return false }
        return extensions.contains(String(decoding: last[last.index(after: dot)...], as: UTF8.self).lowercased())
    }

    /// A path as diagnostics show it: bytes that are not UTF-8 as U+FFFD.
    public static func displayName(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    /// The path without `.` components and repeated slashes, to tell one file named twice.
    static func normalized(_ path: [UInt8]) -> [UInt8] {
        let parts = path.split(separator: UInt8(ascii: "/")).filter { $0 != [UInt8(ascii: ".")] }
        let joined = Array(parts.joined(separator: [UInt8(ascii: "/")]))
        return path.first == UInt8(ascii: "/") ? [UInt8(ascii: "/")] + joined : joined
    }

    /// Whether a path component is kubereach's own staging (`.NAME.kubereach-staging-…`,
    /// `-tmp-`, `-old-`, or an older version's `.kubereach-UUID`): never read as input.
    public static func isOwnStaging(_ component: Substring) -> Bool {
        component.hasPrefix(".") && component.contains(".kubereach-")
    }
}
