import Foundation
import KubeReachTestSupport
import Testing

/// An example in `Examples/NAME` whose README walks through commands: each command's output
/// (with the example's path written as `Examples/NAME/`) is a golden and stands verbatim in
/// the README, so the walkthrough cannot rot.
struct ExampleWalkthrough {
    let name: String
    /// The example's directory, absolute.
    let path: String

    init(_ name: String) {
        self.name = name
        path =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/\(name)").standardized
            .path
    }

    /// Runs `arguments` (absolute paths), checks the exit status and the golden, and that the
    /// README holds the output, after `prompt` when the README shows the command line too.
    func check(_ arguments: [String], status: Int32, golden: String, prompt: String = "") throws {
        let run = runCLI(arguments)
        #expect(run.status == status, "\(run.err)")
        let out = run.out.replacing(path + "/", with: "Examples/\(name)/")
        try assertSnapshot(out, named: golden)
        let readme = try String(contentsOfFile: path + "/README.md", encoding: .utf8)
        let shown = arguments.map { $0.replacing(path, with: "Examples/\(name)") }.joined(separator: " ")
        #expect(readme.contains(prompt + out), "Examples/\(name)/README.md is stale: paste the output of kubereach \(shown)")
    }
}
