import Foundation
import KubeReachYAML

/// `git:REV:path`: the manifests under `path` (a file or a tree) at revision REV of a git
/// repository, read with `git ls-tree` and `git show` so the working tree is never touched.
/// Each blob is named `git:REV:file` in diagnostics.
struct GitSource {
    var revision: String
    var path: String

    /// nil when `text` does not start with `git:`; a usage error when it does but is malformed.
    static func parse(_ text: String) throws(CLIError) -> GitSource? {
        guard text.hasPrefix("git:") else { return nil }
        let rest = text.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else {
            throw .usage("'\(text)': expected git:REV:path (e.g. git:HEAD~1:deploy/)")
        }
        // A revision starting with '-' would reach git as an option.
        guard !rest.hasPrefix("-") else { throw .usage("'\(text)': a revision cannot start with '-'") }
        let path = String(rest[rest.index(after: colon)...])
        return GitSource(revision: String(rest[..<colon]), path: path.isEmpty ? "." : path)
    }

    /// Every manifest blob under the path, sorted; a file named directly is read whatever
    /// its extension.
    func read(in directory: String?) throws(CLIError) -> [ManifestSource] {
        let label = "git:\(revision):\(path)"
        _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: directory, failure: "\(label): no such revision '\(revision)'")
        let listing = try git(["ls-tree", "-r", "--full-name", "--name-only", revision, "--", path], in: directory, failure: "\(label): cannot list")
        let names = String(decoding: listing, as: UTF8.self).split(separator: "\n").map(String.init)
        guard !names.isEmpty else { throw .notFound("\(label): no such path at revision \(revision)") }
        let manifests = names.count == 1 ? names : names.filter { name in
            ["yaml", "yml", "json"].contains((name as NSString).pathExtension.lowercased())
        }
        var out: [ManifestSource] = []
        for name in manifests.sorted() {
            let blob = try git(["show", "\(revision):\(name)"], in: directory, failure: "git:\(revision):\(name): cannot read")
            out.append(ManifestSource(name: "git:\(revision):\(name)", bytes: Array(blob)))
        }
        return out
    }

    /// Runs git and returns its stdout; git's own message (or `failure`) on a non-zero exit.
    private func git(_ arguments: [String], in directory: String?, failure: String) throws(CLIError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .usage("cannot run git: \(error.localizedDescription)") }
        // Drain stderr on another thread so that neither pipe can fill up and block git.
        let errData = Mutexed<Data>()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errData.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            // `env` exits 127 when it cannot find the command.
            if process.terminationStatus == 127 { throw .usage("git is not installed or not on PATH (needed for git:REV:path)") }
            let detail = message.split(separator: "\n").first.map { ": " + $0 } ?? ""
            throw .notFound(failure + detail)
        }
        return data
    }
}

/// A value set once by another thread and waited for.
private final class Mutexed<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ v: Value) {
        condition.lock()
        value = v
        condition.signal()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
