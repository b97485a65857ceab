import Foundation
import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// A seeded random-mutation fuzzer over the loader and the engine: mutated manifests must
/// load or fail with diagnostics, and whatever loads must evaluate, never crash or hang.
/// `KUBEREACH_FUZZ_ITERATIONS` raises the budget for longer local runs.
@Suite struct MutationFuzzTests {
    static let seeds: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let files = [
            "Examples/shop/policies/shop-data.yaml", "Examples/shop/api.yaml", "Examples/shop/policies/shop-frontend.yaml",
            "Tests/KubeReachCLITests/Fixtures/basic/cluster.yaml",
        ]
        return files.compactMap { try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
    }()

    static let tokens = [
        "{", "}", "[", "]", ":", "- ", "&a ", "*a", "!!binary ", "---\n", "...\n", "\"", "'", "\t", "\u{0}", "ipBlock: {cidr: ::/0}",
        "port: http", "endPort: 1", "protocol: ICMP", "podSelector: {}", "namespaceSelector: {}", "\n  ", "#", "0x1F", "-1", "1e400",
        "\u{FEFF}", "é",
    ]

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + rng.below(6)) {
            guard !bytes.isEmpty else { break }
            let at = rng.below(bytes.count)
            switch rng.below(5) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(40)))
            case 2: bytes.insert(contentsOf: Array(rng.pick(tokens).utf8), at: at)
            case 3:
                let end = min(bytes.count, at + rng.below(200))
                bytes.insert(contentsOf: bytes[at..<end], at: rng.below(bytes.count))
            default:
                if let nl = bytes[at...].firstIndex(of: 10) {
                    bytes.insert(contentsOf: Array(repeating: 32, count: rng.below(8)), at: nl + 1)
                }
            }
        }
        return bytes
    }

    @Test func mutatedManifestsNeverCrash() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["KUBEREACH_FUZZ_ITERATIONS"] ?? "") ?? 400
        try #require(Self.seeds.count == 4)
        var rng = SplitMix64(seed: 20_261_124)
        var loaded = 0, refused = 0
        for _ in 0..<iterations {
            let bytes = Self.mutate(rng.pick(Self.seeds), &rng)
            do {
                let r = try ManifestLoader.load(
                    [ManifestSource(name: "fuzz.yaml", bytes: bytes)], options: LoadOptions(keepGoing: rng.chance(0.5)))
                let reach = Reachability(cluster: r.cluster)
                _ = reach.edges(level: .workload)
                _ = reach.workloadConflicts()
                loaded += 1
            } catch {
                // A refusal says where: every error names the file, and prints on one line.
                let errors = error.diagnostics.filter { $0.severity == .error }
                #expect(!errors.isEmpty)
                #expect(errors.allSatisfy { $0.location?.file == "fuzz.yaml" }, "\(errors)")
                #expect(error.diagnostics.allSatisfy { !$0.description.contains("\n") })
                refused += 1
            }
        }
        #expect(loaded > 0 && refused > 0, "the mutations should produce both outcomes")
    }
}
