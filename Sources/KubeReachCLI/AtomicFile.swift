import Foundation
import KubeReachRender

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file whole or not at all: a temporary file beside the target, then a rename.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    static func write(bytes: [UInt8], to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .output("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension AtomicFile {
    /// Writes every file into `directory`, all or none: the files go to a temporary
    /// directory first, then one rename publishes it (a new directory) or, when the
    /// directory exists, a rename per file on the same file system after all were written.
    static func writeDirectory(_ files: [(name: String, text: String)], to directory: String) throws(CLIError) {
        let fm = FileManager.default
        for f in files where f.name.isEmpty || f.name.contains("/") || f.name.hasPrefix(".") {
            throw .output("refusing to write a file named '\(f.name)'")
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw .output("cannot write into \(directory): not a directory") }
        let target = URL(fileURLWithPath: directory)
        let staging = exists
            ? target.appendingPathComponent(".kubereach-\(UUID().uuidString)")
            : target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).kubereach-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: staging) }
            for f in files { try Data(f.text.utf8).write(to: staging.appendingPathComponent(f.name)) }
            if !exists { return try fm.moveItem(at: staging, to: target) }
            for f in files {
                let from = staging.appendingPathComponent(f.name).path, to = target.appendingPathComponent(f.name).path
                // rename(2) replaces an existing file atomically; Foundation's move refuses to.
                guard rename(from, to) == 0 else { throw CLIError.output("cannot write \(to): \(String(cString: strerror(errno)))") }
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw .output("cannot write \(directory): \(error.localizedDescription)")
        }
    }
}

extension AtomicFile {
    /// Streams text into a temporary file beside `path`, renamed over it only when `body`
    /// finished: a large output is never held whole in memory, and never left half written.
    static func stream(to path: String, _ body: (inout EdgeStream) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).kubereach-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw CLIError.output("cannot write \(path): cannot create a file in \(target.deletingLastPathComponent().path)") }
        var published = false
        defer { if !published { try? FileManager.default.removeItem(at: temporary) } }
        do {
            var out = EdgeStream { chunk in try handle.write(contentsOf: Data(chunk.utf8)) }
            try body(&out)
            try out.flush()
            try handle.close()
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.output("cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw CLIError.output("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        published = true
    }
}
