import Foundation
import KubeReachTestSupport
import Testing

/// Examples/attack: the chained attack (internet → web → exec into a privileged worker →
/// node → a cluster-admin token), its chokepoint and the two what-if changes that cut it,
/// as goldens, shown verbatim in the example's README.
@Suite struct AttackExampleTests {
    static let walkthrough = ExampleWalkthrough("attack")
    static let example = walkthrough.path

    /// `E` in an argument stands for the example's directory.
    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("attack-example-paths.txt", ["attack-paths", "E/cluster", "--from", "internet"], 0),
        (
            "attack-example-chokepoints.txt",
            ["attack-paths", "E/cluster", "--from", "internet", "--to", "cluster-admin", "--chokepoints"], 0
        ),
        (
            "attack-example-what-if-policy.txt",
            ["attack-paths", "E/cluster", "--from", "internet", "--what-if", "E/what-if/frontend-ingress.yaml"], 1
        ),
        (
            "attack-example-what-if-binding.txt",
            ["attack-paths", "E/cluster", "--from", "internet", "--what-if", "E/what-if/worker-exec.yaml"], 1
        ),
        (
            "attack-example-what-if-partial.txt",
            ["attack-paths", "E/cluster", "--from", "internet", "--what-if", "E/what-if/operator-no-token.yaml", "--chokepoints"], 0
        ),
        ("attack-example-exposure.txt", ["exposure", "E/cluster", "-q"], 0),
    ]

    @Test(arguments: cases.indices)
    func answer(_ i: Int) throws {
        let c = Self.cases[i]
        let command = "kubereach " + c.args.map { $0.replacing("E/", with: "Examples/attack/") }.joined(separator: " ")
        try Self.walkthrough.check(
            c.args.map { $0.replacing("E/", with: Self.example + "/") }, status: c.status, golden: c.name, prompt: "$ \(command)\n")
    }

    /// The JSON of a what-if: every asked pair once, with its status.
    @Test func whatIfJSON() throws {
        let run = runCLI([
            "attack-paths", Self.example + "/cluster", "--from", "internet", "-o", "json", "--what-if",
            Self.example + "/what-if/operator-no-token.yaml",
        ])
        #expect(run.status == 0, "\(run.err)")
        let out = run.out.replacing(Self.example + "/", with: "Examples/attack/")
        try assertSnapshot(out, named: "attack-example-what-if-partial.json")
        let statuses = out.components(separatedBy: "\"status\" : \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(statuses == ["cut", "remains"])
    }

    /// A what-if cannot re-read standard input, nor apply to a live cluster.
    @Test func whatIfRefusesStdin() {
        let run = runCLI(["attack-paths", "-", "--what-if", Self.example + "/what-if/worker-exec.yaml"])
        #expect(run.status == 2 && run.err.contains("'-'"), "\(run.err)")
    }
}
