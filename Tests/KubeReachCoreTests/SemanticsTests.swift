import KubeReachCore
import Testing

/// Each canonical row is checked against the engine and the reference evaluator, so a rule
/// broken in either fails a row named after the rule.
@Suite struct SemanticsTests {
    @Test(arguments: SemanticsTable.rows)
    func rule(_ row: SemanticCase) throws { try check(row) }

    @Test(arguments: SemanticsTable.adminRows + SemanticsTable.clusterPolicyRows)
    func adminRule(_ row: SemanticCase) throws {
        try check(row)
        // The explainer's verdict agrees, and names the deciding admin rule when one decided.
        let s = try endpoint(row.src, row.cluster), d = try endpoint(row.dst, row.cluster)
        func explainerEndpoint(_ e: RefEndpoint) -> Explainer.Endpoint {
            switch e {
            case .pod(let i): .pod(i)
            case .external(let ip): .external(ip)
            }
        }
        let e = Explainer(cluster: row.cluster, options: row.options).explain(
            explainerEndpoint(s), explainerEndpoint(d), sourceName: row.src, destinationName: row.dst,
            query: row.proto.map { ($0, row.port) })
        #expect(Self.contains(e.allowed, row) == row.allowed, "explainer: \(e.allowed.description)")
    }

    private func check(_ row: SemanticCase) throws {
        var options = row.options
        for name in [row.src, row.dst] { if let ip = IPAddress(name) { options.extraFamilies.insert(ip.family) } }
        let engine = Reachability(cluster: row.cluster, options: options)
        let ref = ReferenceEvaluator(
            row.cluster, ipBlockMatchesPods: options.ipBlockMatchesPods, hostNetworkBypass: options.hostNetwork == .bypass)
        let s = try endpoint(row.src, row.cluster), d = try endpoint(row.dst, row.cluster)
        let engineSet: ConnectionSet
        switch (s, d) {
        case (.pod(let i), .pod(let j)): engineSet = engine.connections(fromPod: i, toPod: j)
        case (.external(let ip), .pod(let j)):
            engineSet = engine.connections(fromExternal: try #require(engine.externalSourceIndex(of: ip)), toPod: j)
        case (.pod(let i), .external(let ip)):
            engineSet = engine.connections(fromPod: i, toExternal: try #require(engine.externalDestinationIndex(of: ip)))
        default:
            Issue.record("external to external")
            return
        }
        #expect(Self.contains(engineSet, row) == row.allowed, "engine: \(engineSet.description)")
        #expect(ref.allowed(s, d, row.proto, row.port) == row.allowed, "reference")
    }

    /// Whether the set holds the row's question (`proto` nil: the other protocols).
    static func contains(_ c: ConnectionSet, _ row: SemanticCase) -> Bool {
        row.proto.map { c.contains($0, row.port) } ?? c.otherProtocols
    }

    private func endpoint(_ name: String, _ cluster: Cluster) throws -> RefEndpoint {
        if let ip = IPAddress(name) { return .external(ip) }
        return .pod(try #require(cluster.pods.firstIndex { $0.qualifiedName == name }, "no pod \(name)"))
    }
}
