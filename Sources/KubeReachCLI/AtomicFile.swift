import KubeReachRender

/// The `--out` writers every command uses: whole or not at all, into what the path names
/// (see `OutputFile` and `OutputDirectory`, and Docs/robustness.md, "Files written").
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        let file = try OutputFile(path)
        try file.write(text)
        try file.commit()
    }

    static func write(bytes: [UInt8], to path: String) throws(CLIError) {
        let file = try OutputFile(path)
        try file.write(bytes)
        try file.commit()
    }

    /// Streams text into the file in pieces: a large output is never held whole in memory,
    /// and a regular file is never left half written (the text is published on success only).
    static func stream(to path: String, _ body: (inout EdgeStream) throws -> Void) throws {
        let file = try OutputFile(path)
        var out = EdgeStream { chunk in try file.write(chunk) }
        try body(&out)
        try out.flush()
        try file.commit()
    }
}
