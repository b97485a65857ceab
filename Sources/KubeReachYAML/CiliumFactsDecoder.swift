import KubeReachCore

/// The objects that carry Cilium's cluster facts: CiliumNode (which nodes run the agent),
/// CiliumCIDRGroup (`cidrGroupRef`), the `kube-system/cilium-config` ConfigMap, and the
/// `default/kubernetes` Endpoints or EndpointSlice (the API server's addresses).
enum CiliumFactsDecoder {
    /// Whether this object is one of them (other ConfigMaps, Endpoints and slices are skipped).
    static func reads(_ header: ObjectHeader) -> Bool {
        let group = KindTable.group(of: header.apiVersion)
        switch header.kind {
        case "CiliumNode", "CiliumCIDRGroup": return group == "cilium.io"
        case "ConfigMap": return group == "" && header.namespace == "kube-system" && header.name == "cilium-config"
        case "Endpoints": return group == "" && header.namespace == "default" && header.name == "kubernetes"
        case "EndpointSlice":
            return group == "discovery.k8s.io" && header.namespace == "default"
                && header.labels["kubernetes.io/service-name"] == "kubernetes"
        default: return false
        }
    }

    static func read(_ root: Field, header: ObjectHeader) -> CiliumFact {
        switch header.kind {
        case "CiliumNode": return .agentNode(header.name)
        case "CiliumCIDRGroup":
            let spec = root.child("spec")
            spec.warnUnknownKeys(["externalCIDRs"])
            return .cidrGroup(
                name: header.name, cidrs: (spec.child("externalCIDRs").sequence() ?? []).compactMap { IPBlockDecoder.cidr($0) })
        case "ConfigMap": return .config(config(root.child("data")))
        case "Endpoints":
            var ips: [IPAddress] = []
            for subset in root.child("subsets").sequence() ?? [] {
                for a in subset.child("addresses").sequence() ?? [] { ips += address(a.child("ip")) }
            }
            return .apiServer(ips)
        default:
            var ips: [IPAddress] = []
            for e in root.child("endpoints").sequence() ?? [] {
                for a in e.child("addresses").sequence() ?? [] { ips += address(a) }
            }
            return .apiServer(ips)
        }
    }

    private static func address(_ field: Field) -> [IPAddress] {
        guard let text = field.string() else { return [] }
        guard let ip = IPAddress(text) else {
            field.sink.error("invalid IP address '\(text)'", at: field)
            return []
        }
        return [ip]
    }

    /// The agent options that change verdicts, validated; the rest of the map is not read.
    private static func config(_ data: Field) -> CiliumConfig {
        var out = CiliumConfig()
        if let text = data.child("enable-policy").string() {
            if let mode = CiliumEnforcement(rawValue: text) {
                out.enforcement = mode
            } else {
                data.sink.error("enable-policy '\(text)' is not default, always or never", at: data.child("enable-policy"))
            }
        }
        if let text = data.child("policy-cidr-match-mode").string() {
            let modes = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            for m in modes where m != "nodes" {
                data.sink.error(
                    "policy-cidr-match-mode '\(m)' is not understood (nodes, or empty)", at: data.child("policy-cidr-match-mode"))
            }
            out.cidrMatchesNodes = modes.contains("nodes")
        }
        if let name = data.child("cluster-name").string(), !name.isEmpty { out.clusterName = name }
        if let text = data.child("allow-localhost").string() {
            switch text {
            case "auto", "always": out.allowLocalhost = true
            case "policy": out.allowLocalhost = false
            default: data.sink.error("allow-localhost '\(text)' is not auto, always or policy", at: data.child("allow-localhost"))
            }
        }
        return out
    }
}

/// One fact object, decoded.
enum CiliumFact: Sendable {
    case agentNode(String)
    case cidrGroup(name: String, cidrs: [CIDR])
    case config(CiliumConfig)
    case apiServer([IPAddress])
}

/// The cilium-config options kubereach reads.
struct CiliumConfig: Sendable {
    var enforcement = CiliumEnforcement.default
    var cidrMatchesNodes = false
    var clusterName = "default"
    var allowLocalhost = true
}

extension CiliumFacts {
    /// The facts of the loaded objects, in input order (a later ConfigMap replaces an earlier one).
    init(_ facts: [CiliumFact]) {
        self.init()
        for fact in facts {
            switch fact {
            case .agentNode(let name): agentNodes = (agentNodes ?? []).union([name])
            case .cidrGroup(let name, let cidrs): cidrGroups[name] = cidrs
            case .apiServer(let ips): apiServerAddresses += ips.filter { !apiServerAddresses.contains($0) }
            case .config(let c):
                configLoaded = true
                enforcement = c.enforcement
                cidrMatchesNodes = c.cidrMatchesNodes
                clusterName = c.clusterName
                allowLocalhost = c.allowLocalhost
            }
        }
    }
}
