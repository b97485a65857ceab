import KubeReachAnalysis
import KubeReachRender

/// Where the commands that write manifests (`generate`, `migrate-admin-policies`) put them:
/// `-` one stream on stdout, or a directory of files written whole or not at all.
enum GeneratedOutput {
    /// One `<namespace>.yaml` per covered namespace in a directory.
    static func write(_ policies: [GeneratedPolicy], covered: [String], header: String, to out: String, quiet: Bool) throws {
        try publish(stream: header + PolicyYAML.stream(policies.map { ($0.policy, $0.reason) }), to: out, quiet: quiet) {
            covered.map { ns in
                (
                    name: "\(ns).yaml",
                    text: header + PolicyYAML.stream(policies.filter { $0.policy.namespace == ns }.map { ($0.policy, $0.reason) })
                )
            }
        }
    }

    /// `stream` on stdout for `-`, else the files (made only then) into the directory `out`.
    static func publish(
        stream: @autoclosure () -> String, to out: String, quiet: Bool, files: () -> [(name: String, text: String)]
    ) throws {
        if out == "-" { return CommandIO.current.out(stream()) }
        let files = files()
        try OutputDirectory.write(files, to: out)
        if !quiet { CommandIO.current.err("wrote \(files.count) file(s) to \(out)\n") }
    }
}
