import ArgumentParser
import Foundation
import KubeReachCore
import KubeReachInput
import KubeReachYAML

/// `diff --watch`: the what-if loop. A policy author edits NEW and sees the diff again within
/// a fraction of a full evaluation: the files that did not change are served decoded from the
/// `DocumentCache`, and the incremental comparison evaluates again only what the changed
/// NetworkPolicies select (Docs/diff.md, "Watching").
extension DiffCommand {
    /// How often the files are looked at (size, modification time, inode; not read).
    static let pollInterval = 0.5

    func validateWatch() throws {
        guard watch else {
            if watchRuns != nil { throw ValidationError("--watch-runs goes with --watch") }
            return
        }
        if let runs = watchRuns, runs < 1 { throw ValidationError("--watch-runs must be at least 1") }
        if failOnWiden { throw ValidationError("--watch runs until interrupted: it has no exit status for --fail-on-widen to set") }
        let all = before + after
        if all.contains("-") { throw ValidationError("--watch cannot watch standard input (-): name files or directories") }
        if watchedPaths.isEmpty { throw ValidationError("--watch needs a path on disk on either side (git revisions do not change)") }
        if let outFile, let inside = Self.watched(outFile, by: watchedPaths) {
            throw ValidationError("--out \(outFile) is inside the watched \(inside): each diff written would start another")
        }
    }

    /// The watched path that would see `file` change: the file itself, or a directory above
    /// it when its name is one loading reads (`.yaml`, `.yml`, `.json`); nil otherwise.
    static func watched(_ file: String, by paths: [String]) -> String? {
        let url = URL(fileURLWithPath: file)
        let directory = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let target = (directory == "/" ? "" : directory) + "/" + url.lastPathComponent
        let readable = ManifestFiles.isManifestName(Array(url.lastPathComponent.utf8))
        return paths.first { path in
            let watched = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return target == watched || (readable && target.hasPrefix(watched == "/" ? "/" : watched + "/"))
        }
    }

    /// The paths on disk of both sides (git revisions are fixed).
    private var watchedPaths: [String] {
        (before + after).filter { entry in
            do {
                return try GitSource.parse(entry) == nil
            } catch {
                return false  // a malformed git:REV:path is refused when the side is loaded
            }
        }
    }

    /// Diffs, then again after every change to the watched files, until interrupted (or
    /// `--watch-runs` more diffs). A diff that fails (a file saved half-way, a syntax error)
    /// reports its errors and the watch goes on.
    func watchForChanges(cache: DocumentCache) -> ExitStatus {
        let paths = watchedPaths
        var seen = InputSnapshot(paths: paths)
        var run = 1
        // OLD usually stays as it is while NEW is edited: its evaluation is kept between runs.
        let reuse = EvaluationReuse()
        while true {
            let started = PhaseClock.now(), cpu = PhaseClock.cpuSeconds()
            do {
                _ = try compare(cache: cache, reuse: reuse)
            } catch {
                for d in Runner.diagnostics(of: error) ?? [Diagnostic(.error, "\(error)")] { CommandIO.current.report(d) }
            }
            cache.forgetUnused()
            if input.reporting.verbose {
                let line = String(
                    format: "diff --watch: run %d took %.3f s (%.3f s of CPU; old side's evaluation reused %d time(s) so far)", run,
                    PhaseClock.now() - started, PhaseClock.cpuSeconds() - cpu, reuse.reused)
                input.report([Diagnostic(.note, line)])
            }
            if let limit = watchRuns, run > limit { return .success }
            run += 1
            let next = Self.nextChange(after: seen, paths: paths)
            input.report([Diagnostic(.note, "diff --watch: \(next.filesChanged(since: seen)) file(s) changed; diff again")])
            seen = next
        }
    }

    /// The first snapshot that differs from `seen`, once the files have stayed the same for
    /// one more interval (an editor writing in several steps is diffed once, at the end).
    private static func nextChange(after seen: InputSnapshot, paths: [String]) -> InputSnapshot {
        var next = seen
        while next == seen {
            Thread.sleep(forTimeInterval: pollInterval)
            next = InputSnapshot(paths: paths)
        }
        while true {
            Thread.sleep(forTimeInterval: pollInterval)
            let settled = InputSnapshot(paths: paths)
            if settled == next { return next }
            next = settled
        }
    }
}
