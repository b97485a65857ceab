import Foundation
import KubeReachCore
import KubeReachSynthetic
import KubeReachTestSupport
import KubeReachYAML
import Testing

@testable import KubeReachRender

/// `list -o json` writes plain items without the encoder: each must be byte for byte what the
/// encoder writes, and items that need escaping must go to the encoder.
@Suite struct JSONEdgeItemTests {
    static func encoded(_ e: ListedEdge) -> String {
        String(JSONOutput.encode(ConnectionDocument(e), with: JSONOutput.makeEncoder(compact: true)).dropLast())
    }

    @Test func plainItemsEqualTheEncoders() throws {
        let text = SyntheticCluster(size: .init(pods: 300, namespaces: 12, policies: 120), seed: 3).manifests()
        let cluster = try ManifestLoader.load([ManifestSource(name: "synth.yaml", bytes: Array(text.utf8))]).cluster
        let reach = Reachability(cluster: cluster)
        var plain = 0
        for level in [AggregationLevel.pod, .workload] {
            for edge in reach.edges(level: level) {
                let e = ListedEdge(edge)
                guard let fast = JSONEdgeFormatter.plainItem(e) else { continue }
                plain += 1
                #expect(fast == Self.encoded(e))
            }
        }
        #expect(plain > 100, "the synthetic cluster's edges are plain")
    }

    @Test func connectionShapesEqualTheEncoders() {
        let a = Endpoint.external(.everything(.v4)), b = Endpoint.external(.everything(.v6))
        for c in [ConnectionSet.all, .none, ConnectionSet(.tcp, PortSet([80...81, 443...443])), ConnectionSet(otherProtocols: true)] {
            let e = ListedEdge(ConnectivityEdge(source: a, destination: b, connections: c))
            #expect(JSONEdgeFormatter.plainItem(e) == Self.encoded(e))
        }
        let icmp = ListedEdge(
            ConnectivityEdge(source: a, destination: b, connections: ConnectionSet(others: .icmp(.v4, type: 8, code: nil))))
        #expect(JSONEdgeFormatter.plainItem(icmp) == nil, "partial other protocols go to the encoder")
    }

    @Test func namesThatNeedEscapingGoToTheEncoder() {
        let reach = Reachability(cluster: HostileNames.cluster)
        for edge in reach.edges(level: .workload) {
            let e = ListedEdge(edge)
            if let fast = JSONEdgeFormatter.plainItem(e) { #expect(fast == Self.encoded(e)) }
            #expect(JSONEdgeFormatter.item(e, encoder: JSONOutput.makeEncoder(compact: true)) == "    " + Self.encoded(e))
        }
    }
}
