import KubeReachCore

extension FlowRecord {
    /// The intent this flow stands for, or why it cannot be mapped.
    public func intent(_ endpoints: inout FlowEndpoints, file: String) -> Result<Intent, IntentResolver.ResolveError> {
        endpoints.resolve(source).flatMap { s in
            endpoints.resolve(destination).map { d in
                Intent(source: s, destination: d, connections: ConnectionSet(proto, PortSet(port: port)), origins: ["\(file):\(line)"])
            }
        }
    }
}

/// Flow endpoints resolved once per distinct spelling: a million flows between a few
/// workloads resolve a few names.
public struct FlowEndpoints {
    let resolver: IntentResolver
    private var memo: [String: Result<IntentEndpoint, IntentResolver.ResolveError>] = [:]

    public init(_ resolver: IntentResolver) { self.resolver = resolver }

    public mutating func resolve(_ e: FlowRecord.End) -> Result<IntentEndpoint, IntentResolver.ResolveError> {
        let key: String
        switch e {
        case .reference(let text): key = "ref\u{0}" + text
        case .observed(let ns, let pod, let w, let ip):
            key = ["obs", ns, pod, w.map { $0.kind ?? "" }, w?.name, ip].map { $0.map { "=" + $0 } ?? "-" }.joined(separator: "\u{0}")
        }
        if let known = memo[key] { return known }
        let result: Result<IntentEndpoint, IntentResolver.ResolveError>
        switch e {
        case .reference(let text): result = resolver.resolve(text)
        case .observed(let ns, let pod, let w, let ip): result = resolver.resolve(namespace: ns, pod: pod, workload: w, ip: ip)
        }
        memo[key] = result
        return result
    }
}
