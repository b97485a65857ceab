import KubeReachAnalysis
import KubeReachRender

/// Where `generate` writes its YAML: `-` one stream on stdout, or a directory with one
/// `<namespace>.yaml` per covered namespace (written whole or not at all).
enum GeneratedOutput {
    static func write(_ policies: [GeneratedPolicy], covered: [String], header: String, to out: String, quiet: Bool) throws {
        if out == "-" { return CommandIO.current.out(header + PolicyYAML.stream(policies.map { ($0.policy, $0.reason) })) }
        let files = covered.map { ns in
            (
                name: "\(ns).yaml",
                text: header + PolicyYAML.stream(policies.filter { $0.policy.namespace == ns }.map { ($0.policy, $0.reason) })
            )
        }
        try AtomicFile.writeDirectory(files, to: out)
        if !quiet { CommandIO.current.err("wrote \(files.count) file(s) to \(out)\n") }
    }
}
