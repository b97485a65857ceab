import Foundation
import KubeReachTestSupport
import Testing

@testable import KubeReachCLI
@testable import KubeReachInput

/// Paths that cannot be read stop the command (exit 2) naming them, or with --keep-going
/// are listed as skipped; FIFOs and devices are refused at once; stdin is capped; a name
/// that is not UTF-8 is read (issue 20, points 4 and 7).
@Suite(.timeLimit(.minutes(1)))
struct UnreadableInputTests {
    static let pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: app, labels: {role: client}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: server, namespace: app, labels: {role: server}}

        """
    static let deny =
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: app}\nspec: {podSelector: {}}\n"

    /// A directory with the two pods in `pods.yaml`.
    static func directory() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-unreadable-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try pods.write(toFile: root + "/pods.yaml", atomically: false, encoding: .utf8)
        return root
    }

    /// Writes `text` at a path given as bytes.
    static func create(_ text: String, at path: [UInt8]) {
        let fd = (path + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    @Test func aPolicyInAFileWhoseNameIsNotUTF8StillDenies() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.create(Self.deny, at: Array(root.utf8) + Array("/d".utf8) + [0xE9, 0x6E, 0x69] + Array(".yaml".utf8))
        let run = runCLI(["eval", "app/client", "app/server", root])
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.out.hasPrefix("denied"), "\(run.out)")
    }

    @Test func anUnreadablePathStopsTheCommandNamingIt() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/deny.yaml", withDestinationPath: "policies/deny.yaml")
        let run = runCLI(["eval", "app/client", "app/server", root])
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("\(root)/deny.yaml"), "\(run.err)")
        #expect(run.err.contains("error: a symbolic link to 'policies/deny.yaml', which does not exist"), "\(run.err)")
        let going = runCLI(["eval", "app/client", "app/server", root, "--keep-going"])
        #expect(going.status == 0)
        #expect(going.err.contains("error: a symbolic link to 'policies/deny.yaml'"), "\(going.err)")
        #expect(going.err.contains("warning: skipped 1 unreadable path(s): \(root)/deny.yaml"), "\(going.err)")
    }

    @Test func aFIFOIsRefusedAtOnce() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/x.yaml", 0o644) == 0)
        for args in [[root], [root + "/x.yaml"]] {
            let run = runCLI(["list"] + args)
            #expect(run.status == 2)
            #expect(
                run.err.contains("\(root)/x.yaml (document 0): error: not a regular file (a FIFO): only regular files are read"),
                "\(run.err)")
        }
    }

    /// A subdirectory with mode 000 holding the deny: as root the binary runs as `nobody`
    /// (through setpriv), for whom the mode means what it says.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: StdinTests.binary.path)))
    func aDirectoryThatCannotBeListedIsAnError() throws {
        let root = try Self.directory()
        defer {
            chmod(root + "/locked", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        try FileManager.default.createDirectory(atPath: root + "/locked", withIntermediateDirectories: false)
        try Self.deny.write(toFile: root + "/locked/deny.yaml", atomically: false, encoding: .utf8)
        #expect(chmod(root + "/locked", 0) == 0)
        var command = [StdinTests.binary.path, "eval", "app/client", "app/server", root]
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                print("UnreadableInputTests: SKIPPED the mode-000 directory case: running as root without /usr/bin/setpriv")
                return
            }
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        let out = try Subprocess(
            executable: command[0], arguments: Array(command.dropFirst()), environment: nil, limits: .within(seconds: 30)
        ).run()
        #expect(out.status == 2, "\(out.stderrText)")
        #expect(out.stdout.isEmpty)
        #expect(
            out.stderrText.contains("\(root)/locked (document 0): error: cannot list directory: Permission denied"), "\(out.stderrText)")
    }

    /// The built binary, through /bin/sh: a path that is not UTF-8 on the command line, and
    /// /dev/zero on stdin.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: StdinTests.binary.path)))
    func theBinaryReadsRawNamesAndCapsStdin() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.create(Self.deny, at: Array(root.utf8) + Array("/d".utf8) + [0xE9] + Array(".yaml".utf8))
        func sh(_ script: String, _ env: [String: String] = [:]) throws -> Subprocess.Output {
            let environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
            return try Subprocess(executable: "/bin/sh", arguments: ["-c", script], environment: environment, limits: .within(seconds: 30))
                .run()
        }
        let binary = StdinTests.binary.path
        let named = try sh("'\(binary)' eval app/client app/server '\(root)/pods.yaml' \"$(printf '\(root)/d\\351.yaml')\"")
        #expect(named.status == 1, "\(named.stderrText)")
        let zero = try sh("'\(binary)' list - < /dev/zero", ["KUBEREACH_STDIN_MAX_BYTES": "1000000"])
        #expect(zero.status == 2)
        #expect(zero.stderrText == "<stdin> (document 0): error: larger than 1000000 bytes, the limit for standard input\n")
    }
}
