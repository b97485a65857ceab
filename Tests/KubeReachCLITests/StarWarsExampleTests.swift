import Foundation
import KubeReachTestSupport
import Testing

/// The Star Wars demo (the L3/L4 part of Cilium's getting-started guide): the answers its
/// documentation gives, as goldens, and shown verbatim in the example's README.
@Suite struct StarWarsExampleTests {
    static let walkthrough = ExampleWalkthrough("starwars")
    static let example = walkthrough.path

    static let cases: [(name: String, args: [String], status: Int32)] = [
        ("starwars-list.txt", ["list"], 0),
        ("starwars-eval-xwing.txt", ["eval", "default/xwing", "default/deathstar", "--port", "80"], 1),
        ("starwars-eval-tiefighter.txt", ["eval", "default/tiefighter", "default/deathstar", "--port", "80"], 0),
        ("starwars-explain-xwing.txt", ["explain", "default/xwing", "default/deathstar", "--port", "80"], 1),
    ]

    @Test(arguments: cases.indices)
    func answer(_ i: Int) throws {
        let c = Self.cases[i]
        try Self.walkthrough.check(c.args + [Self.example], status: c.status, golden: c.name)
    }

    /// Cilium's guide: the X-wing (alliance) is refused, the TIE fighter (empire) lands on 80 only.
    @Test func verdictsAsCiliumsGuideSays() {
        #expect(runCLI(["eval", "default/xwing", "default/deathstar", Self.example]).status == 1)
        #expect(runCLI(["eval", "default/tiefighter", "default/deathstar", "--port", "80", Self.example]).status == 0)
        #expect(runCLI(["eval", "default/tiefighter", "default/deathstar", "--port", "443", Self.example]).status == 1)
    }
}
