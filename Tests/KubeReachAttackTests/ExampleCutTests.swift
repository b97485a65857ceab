import Foundation
import KubeReachAttack
import Testing

/// The chained example of `Docs/attack-graph.md`: removing the RoleBinding that lets the
/// web pod's token exec into the worker cuts both default paths.
@Suite struct ExampleCutTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../KubeReachCLITests/Fixtures/attack/cluster.yaml").path

    func paths(_ yaml: String) throws -> AttackPathsAnswer {
        let g = try AttackFixtures.graph(yaml)
        return AttackPathsAnswer(graph: g, from: [try .parse("internet")], to: [try .parse("cluster-admin"), try .parse("node")])
    }

    @Test func removingTheExecBindingCutsBothPaths() throws {
        let yaml = try String(contentsOfFile: Self.example, encoding: .utf8)
        #expect(try paths(yaml).pairs.allSatisfy { $0.path != nil })
        let documents = yaml.components(separatedBy: "\n---\n").filter { !$0.contains("name: frontend-exec") }
        #expect(documents.count == yaml.components(separatedBy: "\n---\n").count - 1)
        #expect(try paths(documents.joined(separator: "\n---\n")).pairs.allSatisfy { $0.path == nil })
    }
}
