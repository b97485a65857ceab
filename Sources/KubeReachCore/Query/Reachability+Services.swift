extension ResolvedEndpoint {
    /// The pods of the endpoint (none for an external address).
    public var podIndices: [Int] {
        if case .pods(let list, _) = self { return list }
        return []
    }
}

extension Reachability {
    /// `eval SRC ns/Service/name` and `eval SRC CLUSTER-IP`: every (backend, Service port)
    /// answer from `source` (`Service.answers`), each backend reached as the pod it is.
    public func answers(of service: Service, backends: [Int], ports: [Service.Port], from source: ResolvedEndpoint) -> [BackendAnswer] {
        service.answers(
            backends: backends, in: cluster, ports: ports,
            connectionsTo: { connections(from: source, to: .pods([$0], endpoint: endpoint(ofPod: $0, level: .pod))) })
    }

    /// When an endpoint named a workload that was split into variants (its pods differ in a
    /// way the policies read), the connections of each variant pair: the verdict is their
    /// union (some pod may connect); these say which pods. Empty when neither side is split.
    public func variantAnswers(from source: ResolvedEndpoint, to destination: ResolvedEndpoint) -> [VariantAnswer] {
        let s = variantGroups(source), d = variantGroups(destination)
        guard s.count > 1 || d.count > 1 else { return [] }
        return s.flatMap { sp in
            d.map { dp in VariantAnswer(source: sp.endpoint, destination: dp.endpoint, connections: connections(from: sp, to: dp)) }
        }
    }

    /// The endpoint's pods grouped by workload variant (one group when not split).
    private func variantGroups(_ e: ResolvedEndpoint) -> [ResolvedEndpoint] {
        guard case .pods(let list, _) = e, list.count > 1 else { return [e] }
        let byVariant = Dictionary(grouping: list) { cluster.pods[$0].workload }
        guard byVariant.count > 1, list.allSatisfy({ cluster.pods[$0].workload.variant != nil }) else { return [e] }
        return byVariant.keys.sorted().map { .pods(byVariant[$0]!, endpoint: .workload($0)) }
    }
}

/// The connections between one pair of workload variants.
public struct VariantAnswer: Sendable, Hashable {
    public var source: Endpoint
    public var destination: Endpoint
    public var connections: ConnectionSet
}
