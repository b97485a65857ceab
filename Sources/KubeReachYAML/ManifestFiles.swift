import Foundation
import KubeReachCore

/// Turns command-line paths into sources: files, directories (recursively, `.yaml`,
/// `.yml`, `.json`, in sorted order) and `-` for standard input.
public enum ManifestFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    public static func collect(_ paths: [String]) throws(LoadFailure) -> [ManifestSource] {
        var out: [ManifestSource] = []
        var errors: [Diagnostic] = []
        var readStdin = false
        var seen: Set<String> = []
        for path in paths {
            if path == "-" {
                if readStdin { continue }
                readStdin = true
                out.append(ManifestSource(name: "<stdin>", bytes: Array(FileHandle.standardInput.readDataToEndOfFile())))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(Diagnostic(.error, "no such file or directory", location: SourceLocation(file: path)))
                continue
            }
            let files = isDirectory.boolValue ? manifestFiles(under: path) : [path]
            // A file named twice (itself and through its directory) is read once, not
            // reported as a duplicate of itself.
            for file in files where seen.insert((file as NSString).standardizingPath).inserted {
                guard let bytes = bytes(atPath: file) else {
                    errors.append(Diagnostic(.error, "cannot read file", location: SourceLocation(file: file)))
                    continue
                }
                out.append(ManifestSource(name: file, bytes: bytes))
            }
        }
        if !errors.isEmpty { throw LoadFailure(diagnostics: errors) }
        return out
    }

    /// Manifest files below a directory, sorted. Symbolic links to directories are not
    /// followed (no loops); links to files are read.
    static func manifestFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: isOwnStaging) { continue }
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(full)
            }
        }
        return found.sorted()
    }

    /// Whether a path component is kubereach's own staging (`.NAME.kubereach-staging-…`,
    /// `-tmp-`, `-old-`, or an older version's `.kubereach-UUID`): never read as input.
    public static func isOwnStaging(_ component: Substring) -> Bool {
        component.hasPrefix(".") && component.contains(".kubereach-")
    }

    /// The whole file as bytes, read once (no intermediate `Data`): manifests and kubectl's
    /// output files can be large.
    public static func bytes(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? out : nil }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}
