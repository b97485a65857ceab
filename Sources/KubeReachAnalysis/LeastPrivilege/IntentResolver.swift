import KubeReachCore

/// Turns the endpoint names of intent and flow files into workloads or address ranges of
/// one cluster: `ns/name` (a pod, mapped to its workload, or a workload), `ns/Kind/name`,
/// an IP address (the pod holding it, else that one external address), a CIDR, or `internet`.
public struct IntentResolver: Sendable {
    public let cluster: Cluster

    /// What `internet` stands for: every IPv4 address (write `::/0` for IPv6).
    public static let internet = IPRange.everything(.v4)

    public init(cluster: Cluster) { self.cluster = cluster }

    /// The endpoint, or nil with the reason it cannot be resolved.
    public func resolve(_ text: String) -> Result<IntentEndpoint, ResolveError> {
        let t = text.trimmingWhitespace()
        let ref: EndpointReference
        do { ref = try EndpointReference.parse(t) } catch {
            if case .cidr = error { return .failure(ResolveError(text: t, reason: "not a valid CIDR")) }
            return .failure(ResolveError(text: t, reason: "expected ns/name, ns/Kind/name, an IP address, a CIDR or internet"))
        }
        switch ref {
        case .internet: return .success(.external(Self.internet))
        case .range(let cidr): return .success(.external(cidr.range))
        case .object(nil, _, _): return .failure(ResolveError(text: t, reason: "name the namespace: ns/name or ns/Kind/name"))
        case .namespace, .selector, .clusterAddresses: return .failure(ResolveError(text: t, reason: "name one workload, not a set"))
        case .object, .address: break
        }
        switch cluster.resolve(ref) {
        case .pods(let members, _)?: return .success(.workload(cluster.pods[members[0]].workload))
        case .external(let ip)?: return .success(.external(IPRange(family: ip.family, lower: ip.value, upper: ip.value)))
        case nil: return .failure(ResolveError(text: t, reason: "no pod or workload of that name in the input\(cluster.didYouMean(ref))"))
        }
    }

    /// A workload named by the fields of a flow export: the pod by name, else the workload
    /// the exporter names, else the IP address.
    public func resolve(namespace: String?, pod: String?, workload: (kind: String?, name: String)?, ip: String?) -> Result<
        IntentEndpoint, ResolveError
    > {
        if let ns = namespace, !ns.isEmpty, let pod, !pod.isEmpty,
            case .pods(let members, _)? = cluster.resolve(.object(namespace: ns, kind: "Pod", name: pod))
        {
            return .success(.workload(cluster.pods[members[0]].workload))
        }
        if let ns = namespace, !ns.isEmpty, let w = workload,
            case .pods(let members, _)? = cluster.resolve(.object(namespace: ns, kind: w.kind, name: w.name))
        {
            return .success(.workload(cluster.pods[members[0]].workload))
        }
        if let ip, let address = IPAddress(ip) {
            if let i = cluster.pods.firstIndex(where: { $0.ips.contains(address) }) { return .success(.workload(cluster.pods[i].workload)) }
            // A pod the input does not hold is not an external address: refuse to guess.
            if let ns = namespace, !ns.isEmpty {
                return .failure(ResolveError(text: "\(ns)/\(pod ?? ip)", reason: "no pod or workload of that name or IP in the input"))
            }
            return .success(.external(IPRange(family: address.family, lower: address.value, upper: address.value)))
        }
        let name = [namespace, pod ?? workload?.name].compactMap { $0 }.joined(separator: "/")
        return .failure(ResolveError(text: name.isEmpty ? "(none)" : name, reason: "no pod, workload or IP address to map it to"))
    }

    public struct ResolveError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "cannot resolve '\(text)': \(reason)" }
    }
}
