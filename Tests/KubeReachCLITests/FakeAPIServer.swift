import Foundation

/// `Tests/LiveCluster/fake_apiserver.py` started for one test, with a kubeconfig that points
/// kubectl at it. `stop()` (also on deinit) ends it; its stdin is a pipe we hold, so it
/// also stops when the test process dies.
final class FakeAPIServer {
    let directory: URL
    let port: Int
    private let process: Process
    private let stdin = Pipe()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../LiveCluster/fake_apiserver.py").standardized

    /// kubectl and python3 on PATH: the live tests need both and are skipped without them.
    static var toolsAvailable: Bool { onPath("kubectl") != nil && onPath("python3") != nil }

    static func onPath(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the server on a free port with extra flags (`--calico`, `--forbid pods`, ...).
    init(fixture: String, flags: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("server.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.onPath("python3") ?? "/usr/bin/python3")
        process.arguments =
            [Self.script.path, "--fixture", fixture, "--port", "0", "--log", directory.appendingPathComponent("requests.log").path] + flags
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: out)
        try process.run()
        port = try Self.waitForPort(in: out, process: process)
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A kubeconfig whose current context points at this server, with `namespace`.
    func kubeconfig(namespace: String = "tenant-a") throws -> String {
        try Self.kubeconfig(server: "http://127.0.0.1:\(port)", namespace: namespace, in: directory)
    }

    static func kubeconfig(server: String, namespace: String, in directory: URL) throws -> String {
        let text = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster: {server: "\(server)"}
            contexts:
            - name: fake
              context: {cluster: fake, user: fake, namespace: \(namespace)}
            users:
            - name: fake
              user: {}
            current-context: fake

            """
        let file = directory.appendingPathComponent("kubeconfig-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The paths kubectl requested so far.
    func requests() -> [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    struct StartFailure: Error, CustomStringConvertible { var description: String }

    /// Polls the server's output for `PORT n`, for at most ten seconds.
    private static func waitForPort(in file: URL, process: Process) throws -> Int {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }), let port = Int(line.dropFirst(5)) {
                return port
            }
            guard process.isRunning else { throw StartFailure(description: "fake API server exited: \(text)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw StartFailure(description: "fake API server did not print its port within 10 s")
    }
}
