import Foundation
import KubeReachTestSupport
import Testing

@testable import KubeReachCLI
@testable import KubeReachInput

/// The live reader against a hostile fake kubectl (a shell script named by `KUBECTL`), issue
/// 20 point 6: secrets and terminal escapes in its stderr, endless output, a hang with a
/// helper process, and kubereach itself killed by SIGTERM mid-read.
@Suite(.timeLimit(.minutes(2)))
struct HostileKubectlTests {
    /// A directory holding `kubectl` (the script) and, later, the pid files it writes.
    static func fakeKubectl(_ body: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-fakectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("kubectl")
        try ("#!/bin/sh\nDIR='\(dir.path)'\n" + body + "\n").write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return dir
    }

    static func context(_ dir: URL, _ extra: [String: String] = [:]) -> RunContext {
        var env = ProcessInfo.processInfo.environment
        env["KUBECTL"] = dir.appendingPathComponent("kubectl").path
        env.merge(extra) { _, new in new }
        return RunContext(environment: env)
    }

    static func pid(in dir: URL, _ name: String) -> pid_t? {
        (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)).flatMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// kubectl and a helper it started, which writes their pids and hangs.
    static let hangs = "sleep 300 &\necho $! > \"$DIR/helper.pid\"\necho $$ > \"$DIR/kubectl.pid\"\nwait"

    @Test func stderrIsRelayedWithSecretsRedactedAndEscapesShown() throws {
        let dir = try Self.fakeKubectl(
            #"""
            printf 'error: Unauthorized: Authorization: Bearer abcdef.0123456789\n' >&2
            printf 'client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==\n' >&2
            printf '\033[8m\033[2Khidden --token=s3cr3t-value password: hunter2 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig\r\n' >&2
            exit 1
            """#)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = runCLI(["list", "-A"], context: Self.context(dir))
        #expect(run.status == 2)
        for secret in ["abcdef.0123456789", "LS0tLS1CRUdJTi", "s3cr3t-value", "hunter2", "eyJhbGciOiJIUzI1NiJ9"] {
            #expect(!run.err.contains(secret), "\(secret) relayed: \(run.err)")
        }
        #expect(!run.err.contains("\u{1B}") && !run.err.contains("\r"), "\(run.err)")
        #expect(run.err.contains("[redacted]") && run.err.contains("\\u{1b}[8m"), "\(run.err)")
        #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
    }

    @Test func outputPastTheCapIsAClearError() throws {
        let dir = try Self.fakeKubectl("case \"$*\" in *api-resources*) echo pods ;; *) exec cat /dev/zero ;; esac")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = runCLI(["list", "-A"], context: Self.context(dir, ["KUBEREACH_LIVE_MAX_BYTES": "1000000"]))
        #expect(run.status == 2)
        #expect(run.err.contains("printed more than 1000000 bytes and was stopped"), "\(run.err)")
    }

    @Test func theDeadlineKillsKubectlAndItsHelpers() throws {
        let dir = try Self.fakeKubectl(Self.hangs)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clock = ContinuousClock(), started = clock.now
        let run = runCLI(["list", "-A"], context: Self.context(dir, ["KUBEREACH_LIVE_DEADLINE": "2"]))
        #expect(clock.now - started < .seconds(20))
        #expect(run.status == 2)
        #expect(run.err.contains("did not finish within 2 s and was stopped"), "\(run.err)")
        for name in ["kubectl.pid", "helper.pid"] {
            let pid = try #require(Self.pid(in: dir, name))
            #expect(SubprocessTestSupport.waitGone(pid), "\(name) outlived the deadline")
        }
    }

    /// SIGTERM to kubereach mid-read: kubectl and its helper die with it, and no copy of
    /// the cluster is left in TMPDIR. Needs the built binary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: StdinTests.binary.path)))
    func aKilledKubereachLeavesNothingBehind() throws {
        let dir = try Self.fakeKubectl(Self.hangs)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        // Started through the runner, which gives the child default signal dispositions and
        // an empty mask (started through Foundation's Process from the test runner, the
        // binary never saw the SIGTERM).
        let env = Self.context(dir, ["TMPDIR": tmp.path]).environment
        let kubereach = try Subprocess(
            executable: StdinTests.binary.path, arguments: ["list", "-A"], environment: env, limits: .within(seconds: 60)
        ).start()
        for _ in 0..<500 where Self.pid(in: dir, "helper.pid") == nil || Self.pid(in: dir, "kubectl.pid") == nil { usleep(20_000) }
        let kubectl = try #require(Self.pid(in: dir, "kubectl.pid")), helper = try #require(Self.pid(in: dir, "helper.pid"))
        kill(kubereach.pid, SIGTERM)
        let out = kubereach.wait()
        #expect(out.stop == nil && out.status == 128 + SIGTERM, "\(out.status) \(out.stderrText)")
        #expect(SubprocessTestSupport.waitGone(kubectl), "kubectl outlived kubereach")
        #expect(SubprocessTestSupport.waitGone(helper), "kubectl's helper outlived kubereach")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }
}
