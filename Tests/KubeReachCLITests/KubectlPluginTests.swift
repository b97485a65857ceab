import Foundation
import KubeReachCLI
import Testing

/// The binary started as `kubectl-reach`: usage says `kubectl reach`, and with no paths it
/// reads the cluster — also through kubectl's own plugin mechanism.
@Suite(.timeLimit(.minutes(5)))
struct KubectlPluginTests {
    static var binary: URL { StdinTests.binary }

    @Test func pluginUsageSaysKubectlReach() {
        let plugin = RunContext(asKubectlPlugin: true)
        #expect(runCLI(["--help"], context: plugin).out.contains("USAGE: kubectl reach <subcommand>"))
        #expect(runCLI(["list", "--help"], context: plugin).out.contains("USAGE: kubectl reach list "))
        #expect(runCLI(["list", "--help"]).out.contains("USAGE: kubereach list "))
        #expect(RunContext.forProgram("/usr/local/bin/kubectl-reach").asKubectlPlugin)
        #expect(!RunContext.forProgram("/usr/local/bin/kubereach").asKubectlPlugin)
    }

    @Test func pluginWithoutPathsReadsTheCluster() {
        var env = ProcessInfo.processInfo.environment
        env["KUBECTL"] = "/nonexistent/kubectl"
        let run = runCLI(["list"], context: RunContext(asKubectlPlugin: true, environment: env))
        #expect(run.status == 2)
        #expect(run.err.contains("kubectl not found"))
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: binary.path) && FakeAPIServer.toolsAvailable,
            "needs the built binary, kubectl and python3"))
    func kubectlRunsThePluginFromPath() throws {
        let server = try FakeAPIServer(fixture: LiveClusterTests.fixtureFile)
        defer { server.stop() }
        let bin = server.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: bin.appendingPathComponent("kubectl-reach").path, withDestinationPath: Self.binary.path)
        let help = try run(bin.appendingPathComponent("kubectl-reach").path, ["--help"], path: bin.path)
        #expect(help.out.contains("USAGE: kubectl reach <subcommand>"))
        let kubeconfig = try server.kubeconfig()
        let listed = try run(FakeAPIServer.onPath("kubectl")!, ["reach", "list", "--kubeconfig", kubeconfig, "-A"], path: bin.path)
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out == runCLI(["list", LiveClusterTests.fixtureFile]).out)
    }

    /// Runs a program with `path` first on PATH, its output in files, for at most a minute.
    private func run(_ program: String, _ args: [String], path: String) throws -> CLIRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        var env = LiveClusterTests.context().environment
        env["PATH"] = path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        let dir = URL(fileURLWithPath: path)
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)"), err = dir.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        return CLIRun(
            status: p.terminationStatus, out: try String(contentsOf: out, encoding: .utf8),
            err: try String(contentsOf: err, encoding: .utf8))
    }
}
