/// What a user names on the command line, in one grammar for every command:
///
/// - `internet`: every external address range (outside the cluster networks, where known);
/// - `cluster-addresses`: external ranges inside the pod and service CIDRs;
/// - an IP address (a pod's IP, or else that external address), or a CIDR (external addresses);
/// - `ns/*`: every endpoint of a namespace;
/// - `name`, `ns/name`, `ns/Kind/name`, and `ns/name[Kind]` as results print it;
/// - a label selector `key=value,key2=value2` (only where a command asks for one).
///
/// Each command documents which forms it accepts; `matches(_:)` is the one matcher of a
/// reference over typed endpoints.
public enum EndpointReference: Hashable, Sendable, CustomStringConvertible {
    case internet
    case clusterAddresses
    case address(IPAddress)
    /// A CIDR: the external addresses inside it.
    case range(CIDR)
    case namespace(String)
    /// `namespace` nil: a bare name, in any namespace (or in the default one, when resolving).
    case object(namespace: String?, kind: String?, name: String)
    case selector([String: String])

    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)
        case selector(String)
        case cidr(String)

        public var description: String {
            switch self {
            case .malformed(let s):
                "cannot read endpoint '\(s)': expected ns/name, ns/Kind/name, name (with -n), ns/*, internet or an IP address"
            case .selector(let s): "cannot read selector '\(s)': expected key=value[,key=value...]"
            case .cidr(let s): "cannot read '\(s)': not a valid CIDR"
            }
        }
    }

    /// Parses every form but the selector. A bare `name` takes `defaultNamespace` when one
    /// is given and stays namespace-free otherwise.
    public static func parse(_ text: String, defaultNamespace: String? = nil) throws(ParseError) -> EndpointReference {
        if text == "internet" { return .internet }
        if text == "cluster-addresses" { return .clusterAddresses }
        if let ip = IPAddress(text) { return .address(ip) }
        if let slash = text.firstIndex(of: "/"), IPAddress(String(text[..<slash])) != nil {
            guard let cidr = try? CIDR.parse(text) else { throw .cidr(text) }
            return .range(cidr)
        }
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty }), (1...3).contains(parts.count) else { throw .malformed(text) }
        if parts.count == 2, parts[1] == "*" { return .namespace(parts[0]) }
        var kind: String? = parts.count == 3 ? parts[1] : nil
        // `web[Deployment]`, as results print workloads.
        if kind == nil, let last = parts.last, last.hasSuffix("]"), let open = last.lastIndex(of: "["), open != last.startIndex {
            kind = String(last[last.index(after: open)..<last.index(before: last.endIndex)])
            parts[parts.count - 1] = String(last[..<open])
            guard kind?.isEmpty == false else { throw .malformed(text) }
        }
        // Kubernetes names never hold brackets: whatever is left is a typo.
        guard !parts.contains(where: { $0.contains("[") || $0.contains("]") }) else { throw .malformed(text) }
        switch parts.count {
        case 1: return .object(namespace: defaultNamespace, kind: kind, name: parts[0])
        case 2: return .object(namespace: parts[0], kind: kind, name: parts[1])
        default: return .object(namespace: parts[0], kind: kind, name: parts[2])
        }
    }

    /// `app=db,tier=data`: every pair must match.
    public static func parseSelector(_ text: String) throws(ParseError) -> EndpointReference {
        switch KeyValueList.parse(text) {
        case .success(let labels): return .selector(labels)
        case .failure: throw .selector(text)
        }
    }

    /// Whether a printed endpoint is one this reference names. Selectors and IP addresses of
    /// pods need the cluster: they match external ranges only here.
    public func matches(_ endpoint: Endpoint) -> Bool {
        switch (self, endpoint) {
        case (.internet, .external): return true
        case (.address(let ip), .external(let r)): return r.contains(ip)
        case (.range(let cidr), .external(let r)): return cidr.range.contains(r)
        case (.namespace(let ns), _): return endpoint.namespace == ns
        case (.object(let ns, let kind, let name), .pod(let pns, let pname)):
            return (ns == nil || ns == pns) && pname == name && (kind == nil || Self.kind(kind!, means: "Pod"))
        case (.object(let ns, let kind, let name), .workload(let w)):
            return (ns == nil || ns == w.namespace) && w.name == name && (kind == nil || Self.kind(kind!, means: w.kind))
        case (.object(let ns, let kind, let name), .namespace(let n)):
            return ns == nil && kind == nil && n == name
        default: return false
        }
    }

    /// `deployment`, `Deployment` and `deployments` all mean the kind `Deployment`.
    public static func kind(_ written: String, means kind: String) -> Bool {
        let w = written.lowercased(), k = kind.lowercased()
        return w == k || w == k + "s"
    }

    public var description: String {
        switch self {
        case .internet: "internet"
        case .clusterAddresses: "cluster-addresses"
        case .address(let ip): ip.description
        case .range(let cidr): cidr.description
        case .namespace(let ns): "\(ns)/*"
        case .object(let ns, let kind, let name): ([ns, kind].compactMap { $0 } + [name]).joined(separator: "/")
        case .selector(let labels): KeyValueList.text(labels)
        }
    }
}

/// A reference resolved against a cluster.
public enum ResolvedEndpoint: Hashable, Sendable {
    /// Pods (indices into `cluster.pods`) and the endpoint they are shown as.
    case pods([Int], endpoint: Endpoint)
    case external(IPAddress)

    /// How results name it.
    public var endpoint: Endpoint {
        switch self {
        case .pods(_, let e): e
        case .external(let ip): .address(ip)
        }
    }
}

extension Cluster {
    /// Resolves a reference to pods: a pod name first, then a workload of that name (of the
    /// given kind, matched case-insensitively); an IP is a pod's IP or else external. A bare
    /// name without namespace resolves in `default`. Selectors, namespaces and `internet`
    /// name sets rather than one endpoint: nil.
    public func resolve(_ ref: EndpointReference) -> ResolvedEndpoint? {
        switch ref {
        case .address(let ip):
            if let i = pods.firstIndex(where: { $0.ips.contains(ip) }) { return .pods([i], endpoint: displayEndpoint(ofPod: i)) }
            return .external(ip)
        case .object(let namespace, let kind, let name):
            let ns = namespace ?? "default"
            if kind == nil || EndpointReference.kind(kind!, means: "Pod") {
                if let i = pods.firstIndex(where: { $0.namespace == ns && $0.name == name && !isTemplatePod($0) }) {
                    return .pods([i], endpoint: displayEndpoint(ofPod: i))
                }
            }
            let wanted = EndpointReference.object(namespace: ns, kind: kind, name: name)
            let members = pods.indices.filter { wanted.matches(.workload(pods[$0].workload)) }
            guard let first = members.first else { return nil }
            return .pods(members, endpoint: .workload(pods[first].workload))
        case .internet, .clusterAddresses, .range, .namespace, .selector:
            return nil
        }
    }

    /// A bare pod is shown as its workload (`ns/name[Pod]`, as `list` does); a pod of a
    /// workload asked for by name as `ns/name`.
    func displayEndpoint(ofPod i: Int) -> Endpoint {
        let p = pods[i]
        return p.workload.kind == "Pod" && p.workload.name == p.name ? .workload(p.workload) : .pod(namespace: p.namespace, name: p.name)
    }

    /// A pod that stands for a workload's template rather than a real Pod object.
    func isTemplatePod(_ pod: Pod) -> Bool { pod.workload.kind != "Pod" && pod.workload.name == pod.name && pod.ips.isEmpty }
}
