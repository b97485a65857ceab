import Foundation
import KubeReachCore
import KubeReachSynthetic
import KubeReachYAML
import Testing

/// `synth --realistic-objects`: a kubectl-shaped List, deterministic, loading cleanly to the
/// requested size in JSON and in YAML alike, with real-sized pods; and address pools that
/// stay valid and distinct past 65,535 pods.
@Suite struct RealisticObjectsTests {
    let size = SyntheticCluster.Size(pods: 40, namespaces: 4, policies: 16)

    @Test func jsonAndYAMLLoadToTheSameClusterAtTheRequestedSize() throws {
        let objects = RealisticObjects(size: size, seed: 4)
        let json = objects.text(.json), yaml = objects.text(.yaml)
        #expect(json == RealisticObjects(size: size, seed: 4).text(.json))
        #expect(json != RealisticObjects(size: size, seed: 5).text(.json))
        let fromJSON = try ManifestLoader.load([ManifestSource(name: "dump.json", bytes: Array(json.utf8))])
        let fromYAML = try ManifestLoader.load([ManifestSource(name: "dump.yaml", bytes: Array(yaml.utf8))])
        #expect(fromJSON.diagnostics.isEmpty, "\(fromJSON.diagnostics)")
        #expect(fromYAML.diagnostics.isEmpty, "\(fromYAML.diagnostics)")
        #expect(fromJSON.cluster.pods.count == 40 && fromJSON.cluster.policies.count == 16)
        #expect(fromJSON.cluster.namespaces.count == 5)
        #expect(fromJSON.cluster.pods.map(\.name) == fromYAML.cluster.pods.map(\.name))
        #expect(fromJSON.cluster.pods.map(\.ips) == fromYAML.cluster.pods.map(\.ips))
        // The same rules (their locations differ: the layouts do).
        let rules = { (r: LoadResult) in r.cluster.policies.map { ($0.ingress + $0.egress).map { "\($0.peers) \($0.ports)" } } }
        #expect(rules(fromJSON) == rules(fromYAML))
        // Pods of Deployments fold into their Deployment through the ReplicaSet.
        #expect(fromJSON.cluster.pods.contains { $0.workload.description.hasSuffix("[Deployment]") })
        #expect(fromJSON.skippedKinds.isEmpty)
    }

    /// Pods as big as real ones, with what real ones carry.
    @Test func podsHaveRealSizesAndFields() throws {
        let json = RealisticObjects(size: size, seed: 1).text(.json)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(list["kind"] as? String == "List")
        let pods = try #require(list["items"] as? [[String: Any]]).filter { $0["kind"] as? String == "Pod" }
        #expect(pods.count == 40)
        for pod in pods {
            let bytes = try JSONSerialization.data(withJSONObject: pod, options: [.prettyPrinted]).count
            #expect((5_000...15_000).contains(bytes), "a pod of \(bytes) bytes")
            let metadata = try #require(pod["metadata"] as? [String: Any]), status = try #require(pod["status"] as? [String: Any])
            #expect(metadata["managedFields"] != nil && metadata["annotations"] != nil)
            #expect(status["conditions"] != nil && status["containerStatuses"] != nil && status["podIP"] != nil)
        }
    }

    /// `synth --realistic-objects -o json|yaml` prints the List; `-o` alone is refused.
    @Test func theSynthCommandPrintsTheList() throws {
        let args = ["synth", "--realistic-objects", "--pods", "6", "--namespaces", "2", "--policies", "3"]
        let json = runCLI(args + ["-o", "json"])
        #expect(json.status == 0)
        #expect(json.out == RealisticObjects(size: .init(pods: 6, namespaces: 2, policies: 3)).text(.json))
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "List")
        let yaml = runCLI(args)
        #expect(yaml.status == 0 && yaml.out.hasPrefix("apiVersion: v1\nitems:\n- "))
        #expect(runCLI(["synth", "-o", "json"]).status == 2)
    }

    /// The old IPv6 form wrote `fd00::10004` (a group above ffff) past 65,535 pods.
    @Test(arguments: [0, 9, 65_535, 65_536, 65_540, 75_000, 150_000, SyntheticAddresses.capacity - 1])
    func addressesAreValidAtAnyIndex(index: Int) throws {
        let v4 = try #require(IPAddress(SyntheticAddresses.ipv4(index)))
        let v6 = try #require(IPAddress(SyntheticAddresses.ipv6(index)))
        #expect(v4.family == .v4 && v6.family == .v6)
        #expect(SyntheticAddresses.ipv6(index).split(separator: ":").allSatisfy { $0.count <= 4 })
    }

    @Test func seventyFiveThousandAddressesAreDistinct() {
        let v6 = Set((0..<75_000).compactMap { IPAddress(SyntheticAddresses.ipv6($0)) })
        let v4 = Set((0..<75_000).compactMap { IPAddress(SyntheticAddresses.ipv4($0)) })
        #expect(v6.count == 75_000 && v4.count == 75_000)
    }
}
