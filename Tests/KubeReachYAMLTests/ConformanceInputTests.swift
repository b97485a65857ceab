import Foundation
import KubeReachCore
import KubeReachTestSupport
import KubeReachYAML
import Testing

/// Every scenario input of the upstream conformance set loads without errors (they are
/// valid manifests with the quirks listed in the conformance README). Skipped when the
/// shared data is not present.
@Suite struct ConformanceInputTests {
    /// With KUBEREACH_REQUIRE_SHARED=1 a missing data set fails here (the parameterised
    /// tests below would otherwise have no cases and pass silently).
    @Test func sharedDataPresentWhenRequired() { SharedData.requirePresent() }

    static let root = SharedData.netpolAnalyzer

    static let scenarios: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/input") }.sorted()
    }()

    @Test(.enabled(if: !scenarios.isEmpty, "no conformance data"), arguments: scenarios)
    func scenarioInputLoads(_ scenario: String) throws {
        let input = "\(Self.root)/\(scenario)/input"
        do {
            let r = try ManifestLoader.load(try ManifestFiles.collect([input]))
            #expect(!r.cluster.pods.isEmpty)
            #expect(!r.diagnostics.contains { $0.severity == .error })
        } catch {
            Issue.record("\(scenario): \(error.diagnostics.map(\.description))")
        }
    }

    /// The two stale outputs in the upstream input folders are skipped with a warning.
    @Test(.enabled(if: !scenarios.isEmpty, "no conformance data"), arguments: ["onlineboutique", "acs-security-demos"])
    func staleOutputFileIsSkippedWithAWarning(_ scenario: String) throws {
        let r = try ManifestLoader.load(try ManifestFiles.collect(["\(Self.root)/\(scenario)/input"]))
        #expect(
            r.diagnostics.contains {
                $0.location?.file.hasSuffix("connlist_output.json") == true && $0.message.contains("no Kubernetes object")
            })
    }
}
