import Foundation
import KubeReachTestSupport
import Testing

@testable import KubeReachInput

/// The one subprocess runner (git and kubectl): argv only, both pipes drained together,
/// caps, a deadline that kills the whole process group, helpers killed when the child
/// exits, nothing left registered.
@Suite(.timeLimit(.minutes(1)))
struct SubprocessTests {
    static func sh(_ script: String, stdoutBytes: Int = 1 << 30, seconds: Double = 20) -> Subprocess {
        Subprocess(
            executable: "/bin/sh", arguments: ["-c", script], environment: nil,
            limits: Subprocess.Limits(stdoutBytes: stdoutBytes, deadline: .now + .milliseconds(Int(seconds * 1000))))
    }

    static func waitGone(_ pid: pid_t) -> Bool { SubprocessTestSupport.waitGone(pid) }

    @Test func argumentsReachTheProgramAsGivenWithNoShell() throws {
        let hostile = "$(touch /tmp/kubereach-injected); `id` ; rm -rf / | cat"
        let out = try Subprocess(
            executable: "/bin/echo", arguments: [hostile, "--output=/x"], environment: nil, limits: .within(seconds: 10)
        ).run()
        #expect(out.succeeded)
        #expect(out.stdout == Array((hostile + " --output=/x\n").utf8))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/kubereach-injected"))
    }

    @Test func bothPipesAreDrainedTogetherAndStderrIsCapped() throws {
        // 1 MB to stderr first: a runner reading stdout alone would deadlock here.
        let out = try Self.sh("head -c 1000000 /dev/zero >&2; head -c 1000000 /dev/zero; echo done >&2").run()
        #expect(out.succeeded)
        #expect(out.stdout.count == 1_000_000)
        #expect(out.stderr.count == 64 << 10)
    }

    @Test func stdoutPastItsCapStopsTheRun() throws {
        let clock = ContinuousClock(), started = clock.now
        let out = try Self.sh("exec cat /dev/zero", stdoutBytes: 100_000).run()
        #expect(out.stop == .outputCap(100_000))
        #expect(!out.succeeded)
        #expect(clock.now - started < .seconds(10))
    }

    @Test func theDeadlineKillsTheWholeGroup() throws {
        let clock = ContinuousClock(), started = clock.now
        let out = try Self.sh("sleep 300 & echo $!; wait", seconds: 1).run()
        #expect(out.stop == .deadline)
        #expect(clock.now - started < .seconds(10))
        let helper = pid_t(String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(helper > 0)
        #expect(Self.waitGone(helper), "the helper outlived the deadline")
    }

    @Test func helpersLeftBehindAreKilledWhenTheChildExits() throws {
        let clock = ContinuousClock(), started = clock.now
        // The helper holds stdout open: waiting for the pipe's end alone would take 300 s.
        let running = try Self.sh("sleep 300 & echo $!").start()
        let out = running.wait()
        #expect(out.succeeded)
        #expect(clock.now - started < .seconds(10))
        let helper = pid_t(String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(Self.waitGone(helper))
        #expect(!ChildGroups.running.contains(running.pid))
    }

    @Test func exitStatusesAndSignals() throws {
        #expect(try Self.sh("exit 3").run().status == 3)
        #expect(try Self.sh("kill -TERM $$").run().status == 128 + SIGTERM)
    }

    @Test func aProgramThatCannotStartSaysWhy() {
        #expect(throws: Subprocess.StartFailure(executable: "/nonexistent/git", reason: "No such file or directory")) {
            try Subprocess(executable: "/nonexistent/git", arguments: [], environment: nil, limits: .within(seconds: 1)).run()
        }
    }

    @Test func theEnvironmentIsTheOneGiven() throws {
        let out = try Subprocess(executable: "/usr/bin/env", arguments: [], environment: ["ONLY": "this"], limits: .within(seconds: 10))
            .run()
        #expect(out.stdout == Array("ONLY=this\n".utf8))
    }
}
