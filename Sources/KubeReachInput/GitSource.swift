import Foundation
import KubeReachCore
import KubeReachYAML

/// `git:REV:path`: the manifests under `path` (a file or a tree) at revision REV of a git
/// repository, read with `git ls-tree -z` and `git cat-file` (through `Subprocess`) so the
/// working tree is never touched. Each blob is named `git:REV:file` in diagnostics.
public struct GitSource: Sendable {
    public var revision: String
    public var path: String

    /// nil when `text` does not start with `git:`; a usage error when it does but is malformed.
    public static func parse(_ text: String) throws(GitSourceError) -> GitSource? {
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

    /// Every manifest blob under the path, sorted by name; a file named directly is read
    /// whatever its extension, a tree (even one holding a single file) keeps only `.yaml`,
    /// `.yml` and `.json`, as a directory on disk. git's output is read NUL-separated
    /// (`-z`), so no name comes back quoted, and blobs are read by object id, so no name
    /// goes back to git either.
    /// `environment`: where git is looked up (`PATH`).
    public func read(in directory: String?, environment: [String: String]) throws(GitSourceError) -> [ManifestSource] {
        let label = "git:\(revision):\(path)"
        let git = try Git(directory: directory, environment: environment)
        _ = try git.run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], failure: "\(label): no such revision '\(revision)'")
        let listing = try git.run(["ls-tree", "-r", "-z", "--full-name", revision, "--", path], failure: "\(label): cannot list")
        let entries = GitTreeEntry.parse(listing)
        guard !entries.isEmpty else { throw .notFound("\(label): no such path at revision \(revision)") }
        var namedFile = false
        if entries.count == 1 {
            namedFile = try git.run(["cat-file", "-t", "\(revision):./\(path)"], failure: "\(label): cannot read") == Array("blob\n".utf8)
        }
        var out: [ManifestSource] = []
        for entry in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) where namedFile || entry.isManifest {
            let name = "git:\(revision):\(entry.displayName)"
            guard entry.type == "blob" else { continue }  // submodules (commits)
            guard !entry.isSymbolicLink else {
                throw .invalidInput([
                    Diagnostic(.error, "a symbolic link in git: links in git trees are not followed", location: SourceLocation(file: name))
                ])
            }
            out.append(ManifestSource(name: name, bytes: try git.run(["cat-file", "blob", entry.object], failure: "\(name): cannot read")))
        }
        return out
    }
}

/// One entry of `git ls-tree -z`: `MODE SP TYPE SP OBJECT TAB NAME NUL`, the name as bytes.
struct GitTreeEntry: Equatable {
    var mode: String
    var type: String
    var object: String
    var name: [UInt8]

    var isSymbolicLink: Bool { mode == "120000" }
    var isManifest: Bool { ManifestFiles.isManifestName(name) }
    /// The name for diagnostics (bytes that are not UTF-8 shown as U+FFFD).
    var displayName: String { String(decoding: name, as: UTF8.self) }

    static func parse(_ listing: [UInt8]) -> [GitTreeEntry] {
        listing.split(separator: 0).compactMap { record in
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let fields = record[..<tab].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 3 else { return nil }
            return GitTreeEntry(mode: fields[0], type: fields[1], object: fields[2], name: Array(record[record.index(after: tab)...]))
        }
    }
}

/// git run through `Subprocess` (`git -C DIR ARGS`), each run within 120 s and 1 GiB of output.
struct Git {
    var executable: String
    var directory: String?

    init(directory: String?, environment: [String: String]) throws(GitSourceError) {
        guard let found = Subprocess.locate("git", environment: environment) else {
            throw .usage("git is not installed or not on PATH (needed for git:REV:path)")
        }
        executable = found
        self.directory = directory
    }

    /// Runs git and returns its stdout; git's own first line of stderr (after `failure`) on a
    /// non-zero exit.
    func run(_ arguments: [String], failure: String) throws(GitSourceError) -> [UInt8] {
        let process = Subprocess(
            executable: executable, arguments: (directory.map { ["-C", $0] } ?? []) + arguments, environment: nil,
            limits: .within(seconds: 120))
        let out: Subprocess.Output
        do { out = try process.run() } catch { throw .usage("cannot run git (\(executable)): \(error.reason)") }
        switch out.stop {
        case .deadline: throw .notFound("\(failure): git did not finish within 120 s and was stopped")
        case .outputCap(let cap): throw .notFound("\(failure): git's output is larger than \(cap) bytes")
        case nil: break
        }
        guard out.status == 0 else {
            let message = out.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = message.split(separator: "\n").first.map { ": " + $0 } ?? ""
            throw .notFound(failure + detail)
        }
        return out.stdout
    }
}

/// Why `git:REV:path` could not be read; `diagnostics` are what the CLI prints.
public enum GitSourceError: Error, Sendable {
    /// A malformed reference, or git missing.
    case usage(String)
    /// No such revision or path, or git failed.
    case notFound(String)
    /// What was read is refused (a symbolic link in the tree).
    case invalidInput([Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case .usage(let s), .notFound(let s): [Diagnostic(.error, s)]
        case .invalidInput(let ds): ds
        }
    }
}
