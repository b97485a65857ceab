import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--out FILE` (issue 20, point 1): the file is written into, never replaced by something
/// else. Each case runs for a streamed output (`list`) and a whole one (`diff`).
@Suite struct OutputFileTests {
    struct Writer: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }

        func run(out path: String) -> CLIRun { runCLI(arguments + ["--out", path, "-q"]) }
        /// The text the command prints without `--out`.
        var expected: String { runCLI(arguments + ["-q"]).out }
    }

    static let writers = [
        Writer(name: "list (streamed)", arguments: ["list", ExampleTests.example, "--by", "pod"]),
        Writer(name: "diff (whole)", arguments: ["diff", ExampleTests.example, ExampleTests.example]),
    ]

    static var isRoot: Bool { geteuid() == 0 }

    @Test(arguments: writers)
    func symbolicLinksAreFollowedAndKept(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-link")
        defer { dir.remove() }
        try dir.write("old", to: "real/report.txt")
        symlink("real/report.txt", dir.file("hop"))
        symlink("hop", dir.file("link.txt"))
        let run = w.run(out: dir.file("link.txt"))
        #expect(run.status == 0, "\(run.err)")
        #expect(PathStatus(dir.file("link.txt"))?.type == S_IFLNK, "the link itself is kept")
        #expect(PathStatus(dir.file("hop"))?.type == S_IFLNK)
        #expect(dir.read("real/report.txt") == w.expected, "the link's target gets the text")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("real")) == ["report.txt"], "no temporary file left")
    }

    @Test(arguments: writers)
    func aReplacedFileKeepsItsModeAndOwner(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-mode")
        defer { dir.remove() }
        let file = try dir.write("old", to: "private.txt", mode: 0o600)
        if Self.isRoot { chown(file, 1234, 5678) }
        let before = try #require(PathStatus(file))
        let run = w.run(out: file)
        #expect(run.status == 0, "\(run.err)")
        let after = try #require(PathStatus(file))
        #expect(after.mode == 0o600)
        #expect(after.uid == before.uid && after.gid == before.gid)
        #expect(dir.read("private.txt") == w.expected)
    }

    /// A FIFO is written through (its reader gets the text) and stays a FIFO.
    @Test(arguments: writers)
    func aFIFOIsWrittenThrough(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-fifo")
        defer { dir.remove() }
        let fifo = dir.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader that is already there: opening for writing does not block, and the
        // output (a few kilobytes) fits in the pipe's buffer.
        try #require(w.expected.utf8.count < 60_000, "the output must fit in a pipe's buffer")
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = w.run(out: fifo)
        #expect(run.status == 0, "\(run.err)")
        #expect(PathStatus(fifo)?.type == S_IFIFO, "still a FIFO")
        var received: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
        while case let n = read(reader, &buffer, buffer.count), n > 0 { received += buffer[0..<n] }
        #expect(String(decoding: received, as: UTF8.self) == w.expected)
    }

    /// A device is written through, never replaced: a private copy of /dev/null (root only,
    /// so the host's own is never at risk) keeps its type, numbers and inode.
    @Test(.enabled(if: isRoot, "mknod needs root"), arguments: writers)
    func aDeviceIsWrittenThroughNotReplaced(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-null")
        defer { dir.remove() }
        let null = try #require(dir.device("null", minor: 3))
        let before = try #require(PathStatus(null))
        let run = w.run(out: null)
        #expect(run.status == 0, "\(run.err)")
        #expect(PathStatus(null) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"], "no temporary file left")
    }

    /// A full device (a private copy of /dev/full): exit 2, the path and the reason.
    @Test(.enabled(if: isRoot, "mknod needs root"), arguments: writers)
    func aWriteErrorFailsWithThePathAndTheReason(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-full")
        defer { dir.remove() }
        let full = try #require(dir.device("full", minor: 7))
        let before = try #require(PathStatus(full))
        let run = w.run(out: full)
        #expect(run.status == 2)
        #expect(run.err == "error: cannot write \(full): No space left on device\n")
        #expect(PathStatus(full) == before)
    }

    /// A link to /dev/stdout writes to standard output; the link stays.
    @Test(arguments: writers)
    func aLinkToStandardOutputWritesThere(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-stdout")
        defer { dir.remove() }
        symlink("/dev/stdout", dir.file("out.txt"))
        let run = w.run(out: dir.file("out.txt"))
        #expect(run.status == 0, "\(run.err)")
        #expect(PathStatus(dir.file("out.txt"))?.type == S_IFLNK)
        #expect(String(decoding: run.bytes, as: UTF8.self) + run.out == w.expected)
    }

    /// Every write error names the path and says why, in words.
    @Test(arguments: writers)
    func errorsSayWhy(_ w: Writer) throws {
        let dir = try ScratchDirectory("out-errors")
        defer { dir.remove() }
        let missing = dir.file("missing/out.txt")
        let run = w.run(out: missing)
        #expect(run.status == 2)
        #expect(run.err == "error: cannot write \(missing): No such file or directory\n")
        let directory = w.run(out: dir.path)
        #expect(directory.status == 2)
        #expect(directory.err == "error: cannot write \(dir.path): is a directory\n")
        #expect(!run.err.contains("NSCocoaErrorDomain") && !directory.err.contains("NSCocoaErrorDomain"))
    }

    /// Another user's file cannot be given that owner back by a non-root run: refused with
    /// the reason, the file untouched (the real binary run as nobody through setpriv).
    @Test(
        .enabled(
            if: isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
                && FileManager.default.isExecutableFile(atPath: StdinTests.binary.path)))
    func anOwnerThatCannotBeKeptIsRefused() throws {
        let dir = try ScratchDirectory("out-owner")
        defer { dir.remove() }
        chmod(dir.path, 0o777)
        let file = try dir.write("old", to: "shared.txt", mode: 0o666)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", StdinTests.binary.path, "list", ExampleTests.example, "--out", file,
        ]
        let errors = Pipe()
        p.standardError = errors
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(err == "error: cannot write \(file): cannot keep its owner (0:0) and mode (666): Operation not permitted\n")
        #expect(dir.read("shared.txt") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["shared.txt"], "no temporary file left")
    }
}
