import KubeReachCore
import KubeReachSynthetic
import Testing

/// Pod and service CIDRs only cut the external ranges: no connection changes, and every
/// range is wholly inside or outside them.
@Suite struct ClusterNetworksTests {
    static let networks = ClusterNetworks(
        podCIDRs: [try! CIDR.parse("10.244.0.0/16"), try! CIDR.parse("10.0.0.0/14")], serviceCIDRs: [try! CIDR.parse("10.96.0.0/12")])

    @Test func cuttingAtClusterCIDRsChangesNoConnection() {
        var options = EvaluationOptions()
        options.clusterNetworks = Self.networks
        let probes = ["10.244.1.1", "10.0.0.1", "10.3.255.255", "10.4.0.0", "10.96.0.10", "8.8.8.8", "192.168.1.1", "0.0.0.0"]
            .map { IPAddress($0)! }
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            let plain = Reachability(cluster: cluster), cut = Reachability(cluster: cluster, options: options)
            #expect(
                plain.edges(level: .pod).filter { !$0.source.isExternal && !$0.destination.isExternal }
                    == cut.edges(level: .pod).filter { !$0.source.isExternal && !$0.destination.isExternal })
            for ip in probes {
                guard let a = plain.externalSourceIndex(of: ip), let b = cut.externalSourceIndex(of: ip),
                    let c = plain.externalDestinationIndex(of: ip), let d = cut.externalDestinationIndex(of: ip)
                else { continue }
                for p in cluster.pods.indices {
                    #expect(
                        plain.connections(fromExternal: a, toPod: p) == cut.connections(fromExternal: b, toPod: p), "seed \(seed) \(ip)")
                    #expect(
                        plain.connections(fromPod: p, toExternal: c) == cut.connections(fromPod: p, toExternal: d), "seed \(seed) \(ip)")
                }
            }
            for r in cut.externalSources + cut.externalDestinations where r.family == .v4 {
                let inside = Self.networks.contains(r)
                #expect(inside || !Self.networks.ranges.contains { $0.overlaps(r) }, "seed \(seed) \(r) straddles a cluster CIDR")
            }
        }
    }

    @Test func nodesPodCIDRsCount() {
        let node = ClusterNode(name: "n1", podCIDRs: [try! CIDR.parse("10.244.1.0/24")])
        let merged = ClusterNetworks().adding(nodesOf: Cluster(nodes: [node, node]))
        #expect(merged.podCIDRs.map(\.description) == ["10.244.1.0/24"])
    }
}
