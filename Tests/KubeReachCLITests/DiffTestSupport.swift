import Foundation

/// A throw-away copy of Examples/shop to modify.
struct ShopCopy {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kubereach-shop-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: ExampleTests.example, toPath: path)
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let file = path + "/" + relative
        try change(String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
    }

    func addFile(_ relative: String, _ text: String) throws {
        try text.write(toFile: path + "/" + relative, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A temporary git repository, driven through the git command line.
struct GitRepo {
    let path: String

    static let gitAvailable: Bool = (try? GitRepo.run(["--version"], in: NSTemporaryDirectory())) != nil

    init() throws {
        path = NSTemporaryDirectory() + "kubereach-git-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.run(["init", "-q"], in: path)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func commit(_ message: String) throws {
        try Self.run(["add", "-A"], in: path)
        try Self.run(["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message], in: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    static func run(_ arguments: [String], in directory: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return p.terminationStatus
    }

    /// Two pods in namespace `app`; the server admits the client on one port only.
    static func app(port: Int) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: app, labels: {role: client}}
        spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: server, namespace: app, labels: {role: server}}
        spec: {containers: [{name: s, image: x}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: server-in, namespace: app}
        spec:
          podSelector: {matchLabels: {role: server}}
          policyTypes: [Ingress]
          ingress:
          - from: [{podSelector: {matchLabels: {role: client}}}]
            ports: [{port: \(port)}]

        """
    }
}
