import Foundation
import Testing

/// Arguments that used to be read as something else (issue 20, point 13): each is refused
/// with exit 2 and a message saying what is wrong.
@Suite struct ArgumentRefusalTests {
    /// Standard input can be read once: `-` twice would read the second as empty.
    @Test(arguments: [
        ["diff", "-", "-"],
        ["list", "-", "-"],
        ["list", "-", "-f", "-"],
        ["eval", "shop-api/api", "shop-data/postgres", "-", "-f", "-"],
        ["generate", "default-deny", "-", "-"],
    ])
    func standardInputTwice(_ arguments: [String]) {
        let run = runCLI(arguments)
        #expect(run.status == 2)
        #expect(run.err.contains("'-' (standard input) is given more than once; it can be read only once"), "\(run.err)")
    }

    @Test(arguments: ["UPPER", "two words", "new\nline", "-dash", "a.b", String(repeating: "n", count: 64)])
    func namespacesMustBeNamespaceNames(_ name: String) {
        for command in ["default-deny", "least-privilege"] {
            let extra = command == "least-privilege" ? ["--keep-current"] : []
            for option in ["--namespaces", "--exclude"] {
                let run = runCLI(["generate", command, ExampleTests.example, option, "shop-api,\(name)", "-q"] + extra)
                #expect(run.status == 2, "\(command) \(option) \(name)")
                #expect(run.err.contains("\(option): \(String(reflecting: name)) is not a namespace name"), "\(run.err)")
                if name.contains("\n") { #expect(!run.err.contains(name), "control characters escaped") }
            }
        }
    }

    /// `-k=-1` is how a negative value gets past the parser (`-k -1` reads `-1` as an option).
    @Test(arguments: ["0", "-1"])
    func pathsNeedAtLeastOnePath(_ k: String) {
        let run = runCLI(["paths", ExampleTests.example, "--from", "internet", "--to", "shop-data/*", "-k=\(k)"])
        #expect(run.status == 2)
        #expect(run.err.contains("-k must be at least 1, got \(k)"), "\(run.err)")
    }
}
