import ArgumentParser
import KubeReachAnalysis
import KubeReachCore
import KubeReachGraphviz
import KubeReachInput
import KubeReachRender
import KubeReachYAML

/// The list formats of `DiffFormatter`, plus the diff drawn as a graph (`DiffDotWriter`).
enum DiffOutput: String, ExpressibleByArgument, CaseIterable {
    case txt, md, json, csv, dot, svg
}

/// `kubereach diff OLD NEW`: what a change to the manifests does to connectivity.
/// Exit 0, or with `--fail-on-widen` 1 when something is newly allowed; 2 on errors.
struct DiffCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the connectivity of two inputs: pairs added, removed, widened or narrowed.",
        discussion:
            "OLD and NEW are a file or directory, or git:REV:path for that path at a git revision; with --old and --new (repeatable) each side reads several."
    )

    @Argument(help: "OLD NEW: the input before and after the change, each a path or git:REV:path.")
    var sides: [String] = []

    @Option(name: .customLong("old"), help: "A path or git:REV:path of the input before the change (repeatable: read together).")
    var oldPaths: [String] = []

    @Option(name: .customLong("new"), help: "A path or git:REV:path of the input after the change (repeatable: read together).")
    var newPaths: [String] = []

    @OptionGroup var input: SideInputOptions

    @Option(name: .shortAndLong, help: "Output format: txt, md, json, csv, or a graph: dot or svg.")
    var output: DiffOutput = .txt

    @Option(name: .customLong("by"), help: "Aggregation level: workload, pod or namespace.")
    var level: AggregationLevel = .workload

    @Flag(name: .customLong("fail-on-widen"), help: "Exit 1 when NEW allows anything OLD did not (added or widened).")
    var failOnWiden = false

    @Option(name: .customLong("repo"), help: "Run git in this directory for git:REV:path (default: the current one).")
    var repo: String?

    @Option(name: .customLong("out"), help: "Write to this file (whole or not at all) instead of stdout.")
    var outFile: String?

    @Flag(
        name: .customLong("watch"),
        help:
            "After the diff, watch the files of both sides and diff again whenever one changes: files unchanged are not read again, and when only NetworkPolicies differ only what they select is evaluated. Until interrupted."
    )
    var watch = false

    @Option(name: .customLong("watch-runs"), help: "With --watch: stop after this many diffs after the first.")
    var watchRuns: Int?

    func validate() throws {
        if oldPaths.isEmpty && newPaths.isEmpty {
            guard sides.count == 2 else { throw ValidationError("give OLD NEW, or --old PATH ... --new PATH ...") }
        } else {
            guard sides.isEmpty else { throw ValidationError("give OLD NEW or --old/--new, not both") }
            guard !oldPaths.isEmpty, !newPaths.isEmpty else { throw ValidationError("give at least one --old and one --new") }
        }
        try validateWatch()
    }

    /// Each side's paths (the positional pair is one path per side).
    var before: [String] { oldPaths.isEmpty ? [sides[0]] : oldPaths }
    var after: [String] { newPaths.isEmpty ? [sides[1]] : newPaths }
    /// How md and json name a side: its paths joined by ` + `.
    private var old: String { before.joined(separator: " + ") }
    private var new: String { after.joined(separator: " + ") }

    func evaluate() throws -> ExitStatus {
        try InputOptions.readsStandardInputOnce(before + after)
        // Files both sides hold unchanged (same name, same bytes) are read once.
        let cache = DocumentCache()
        return watch ? watchForChanges(cache: cache) : try compare(cache: cache)
    }

    /// The diff of the two sides as they are now, written out; its exit status.
    /// `reuse` keeps OLD's evaluation for the next diff of a watch.
    func compare(cache: DocumentCache, reuse: EvaluationReuse? = nil) throws -> ExitStatus {
        let before = try load(before, cache: cache), after = try load(after, cache: cache)
        let options = input.evaluationOptions
        // The list formats need only the pairs that differ: when only NetworkPolicies differ,
        // only what the changed ones select is evaluated again (Docs/diff.md, "Incremental").
        // Benchmarks compare the two paths: KUBEREACH_INCREMENTAL_DIFF=0 takes the full one.
        if let format = DiffFormat(rawValue: output.rawValue), RunContext.current.environment["KUBEREACH_INCREMENTAL_DIFF"] != "0",
            let quick = IncrementalComparison(old: before.cluster, new: after.cluster, options: options, level: level, reuse: reuse)
        {
            reportNotes(quick.notes)
            if input.reporting.verbose {
                input.report([
                    Diagnostic(
                        .note,
                        "incremental diff: \(quick.changedPolicies) NetworkPolicy change(s) select \(quick.touchedIdentities) of \(quick.identities) identities; only their pairs were evaluated again"
                    )
                ])
            }
            return try write(quick.diff, as: format, policies: PolicyChanges(old: before.cluster, new: after.cluster))
        }
        let sides = ConnectivityComparison(old: before.cluster, new: after.cluster, options: options, level: level)
        reportNotes(sides.notes)
        let oldSide = sides.old, newSide = sides.new, diff = sides.diff
        if let format = DiffFormat(rawValue: output.rawValue) {
            return try write(diff, as: format, policies: PolicyChanges(old: before.cluster, new: after.cluster))
        }
        let nodes = oldSide.nodes.union(newSide.nodes)
        try emitGraph(
            DiffDotWriter.render(diff, new: newSide, nodes: nodes, level: level), large: nodes.count > RenderRequest.defaultMaxNodes)
        return failOnWiden && diff.widens ? .negative : .success
    }

    /// Each side's variant notes, named by side.
    private func reportNotes(_ notes: (old: [Diagnostic], new: [Diagnostic])) {
        input.report(notes.old.map { Self.onSide($0, old) } + notes.new.map { Self.onSide($0, new) })
    }

    /// The diff in a list format, to stdout or `--out`; the exit status `--fail-on-widen` asks for.
    private func write(_ diff: ConnectivityDiff, as format: DiffFormat, policies: PolicyChanges) throws -> ExitStatus {
        let text = DiffFormatter.render(diff, policies: policies, as: format, old: old, new: new, level: level)
        if let outFile { try AtomicFile.write(text, to: outFile) } else { CommandIO.current.out(text) }
        return failOnWiden && diff.widens ? .negative : .success
    }

    /// DOT as text, or SVG drawn in process (sfdp for large graphs, as `render` does).
    private func emitGraph(_ dot: String, large: Bool) throws {
        guard output == .svg else {
            if let outFile { return try AtomicFile.write(dot, to: outFile) }
            return CommandIO.current.out(dot)
        }
        let bytes: [UInt8]
        do {
            bytes = try GraphvizRenderer.render(dot: dot, layout: large ? .sfdp : .dot, format: .svg)
        } catch {
            throw CLIError.render(error.description)
        }
        if let outFile { try AtomicFile.write(bytes: bytes, to: outFile) } else { CommandIO.current.outBytes(bytes) }
    }

    /// One side: git revisions' blobs and paths on disk, read together as one input with
    /// the shared options.
    private func load(_ side: [String], cache: DocumentCache) throws -> LoadResult {
        var blobs: [ManifestSource] = [], paths: [String] = []
        do {
            for entry in side {
                if let git = try GitSource.parse(entry) {
                    blobs += try git.read(in: repo, environment: RunContext.current.environment)
                } else {
                    paths.append(entry)
                }
            }
        } catch {
            throw CLIError.invalidInput(error.diagnostics)
        }
        // Only revisions: their blobs, even none (a tree without manifests is an empty input).
        if paths.isEmpty { return try input.load(sources: blobs, cache: cache) }
        return try input.load(paths: paths, plus: blobs, cache: cache)
    }

    /// A diagnostic of one side, prefixed with the side's name.
    private static func onSide(_ d: Diagnostic, _ side: String) -> Diagnostic {
        var d = d
        d.message = "\(side): " + d.message
        return d
    }
}
