/// What a user names on the command line: `ns/name`, `ns/Kind/name`, a bare `name`
/// (in the default namespace given with `-n`), or an IP address.
public enum EndpointReference: Hashable, Sendable, CustomStringConvertible {
    case object(namespace: String, kind: String?, name: String)
    case address(IPAddress)

    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)

        public var description: String {
            switch self {
            case .malformed(let s):
                "cannot read endpoint '\(s)': expected ns/name, ns/Kind/name, name (with -n) or an IP address"
            }
        }
    }

    public static func parse(_ text: String, defaultNamespace: String = "default") throws(ParseError) -> EndpointReference {
        if let ip = IPAddress(text) { return .address(ip) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw .malformed(text) }
        switch parts.count {
        case 1: return .object(namespace: defaultNamespace, kind: nil, name: parts[0])
        case 2: return .object(namespace: parts[0], kind: nil, name: parts[1])
        case 3: return .object(namespace: parts[0], kind: parts[1], name: parts[2])
        default: throw .malformed(text)
        }
    }

    public var description: String {
        switch self {
        case .object(let ns, let kind, let name): kind.map { "\(ns)/\($0)/\(name)" } ?? "\(ns)/\(name)"
        case .address(let ip): ip.description
        }
    }
}

/// A reference resolved against a cluster.
public enum ResolvedEndpoint: Hashable, Sendable {
    /// Pods (indices into `cluster.pods`) and the name to show for them.
    case pods([Int], name: String)
    case external(IPAddress)
}

extension Cluster {
    /// Resolves a reference: a pod name first, then a workload of that name (of the given
    /// kind, matched case-insensitively); an IP is a pod's IP or else external.
    public func resolve(_ ref: EndpointReference) -> ResolvedEndpoint? {
        switch ref {
        case .address(let ip):
            if let i = pods.firstIndex(where: { $0.ips.contains(ip) }) { return .pods([i], name: displayName(ofPod: i)) }
            return .external(ip)
        case .object(let ns, let kind, let name):
            let lowerKind = kind?.lowercased()
            if lowerKind == nil || lowerKind == "pod" || lowerKind == "pods" {
                if let i = pods.firstIndex(where: { $0.namespace == ns && $0.name == name && !isTemplatePod($0) }) {
                    return .pods([i], name: displayName(ofPod: i))
                }
            }
            let members = pods.indices.filter { i in
                let w = pods[i].workload
                return w.namespace == ns && w.name == name
                    && (lowerKind == nil || w.kind.lowercased() == lowerKind || w.kind.lowercased() + "s" == lowerKind)
            }
            guard let first = members.first else { return nil }
            return .pods(members, name: pods[first].workload.description)
        }
    }

    /// A bare pod is shown as its workload (`ns/name[Pod]`, as `list` does); a pod of a
    /// workload asked for by name as `ns/name`.
    func displayName(ofPod i: Int) -> String {
        let p = pods[i]
        return p.workload.kind == "Pod" && p.workload.name == p.name ? p.workload.description : p.qualifiedName
    }

    /// A pod that stands for a workload's template rather than a real Pod object.
    func isTemplatePod(_ pod: Pod) -> Bool { pod.workload.kind != "Pod" && pod.workload.name == pod.name && pod.ips.isEmpty }
}
