import KubeReachCore

/// A deliberately naive evaluator of the Cilium subset, written from Docs/semantics.md
/// (Cilium): one (source, destination, protocol, port) question at a time, scanning every
/// NetworkPolicy, CNP and CCNP. It shares only the model structs with the engine: label,
/// selector, CIDR and port matching are re-derived here.
/// What is asked of the reference: one port of TCP, UDP or SCTP, one ICMP type (of any
/// code), or one other protocol number.
enum RefPacket {
    case port(NetworkProtocol, Int)
    case icmp(ICMPFamily, type: Int)
    case number(Int)
}

struct CiliumReference {
    let cluster: Cluster
    let facts: CiliumFacts
    private let namespaceLabels: [String: [String: String]]
    private let portStarts: [Int]
    /// ICMP types (other than the wildcard 0) that some Cilium rule names, per family.
    private let icmpTypes: [ICMPFamily: Set<Int>]
    private let identities: [[String: String]]

    init(_ cluster: Cluster) {
        self.cluster = cluster
        facts = cluster.cilium
        var labels: [String: [String: String]] = [:]
        for ns in cluster.namespaces { labels[ns.name] = ns.labels }
        for name in cluster.pods.map(\.namespace) + cluster.policies.map(\.namespace) + cluster.ciliumPolicies.compactMap(\.namespace) {
            labels[name, default: [:]]["kubernetes.io/metadata.name"] = name
        }
        namespaceLabels = labels
        identities = cluster.pods.indices.map { Self.identityLabels($0, cluster, labels) }
        portStarts = Self.portCuts(cluster)
        var types: [ICMPFamily: Set<Int>] = [:]
        for spec in cluster.ciliumPolicies.flatMap(\.specs) {
            for rule in spec.ingress + spec.ingressDeny + spec.egress + spec.egressDeny {
                for f in rule.icmps ?? [] where f.type != 0 { types[f.family, default: []].insert(f.type) }
            }
        }
        icmpTypes = types
    }

    // MARK: what a peer is

    /// Whether a pod is a Cilium endpoint: not hostNetwork, and on an agent node (or unplaced).
    func isEndpoint(_ p: Int) -> Bool {
        let pod = cluster.pods[p]
        return !pod.hostNetwork && runsAgent(pod.nodeName)
    }

    private func runsAgent(_ node: String?) -> Bool {
        guard let node, let agents = facts.agentNodes else { return true }
        return agents.contains(node)
    }

    /// The agent node names this peer is an address of (a hostNetwork pod's node, or the
    /// nodes holding the address); `""` stands for a hostNetwork pod's unknown node.
    private func nodesOf(_ e: RefEndpoint) -> [String] {
        switch e {
        case .pod(let p):
            let pod = cluster.pods[p]
            guard pod.hostNetwork, runsAgent(pod.nodeName) else { return [] }
            return [pod.nodeName ?? ""]
        case .external(let ip):
            return cluster.nodes.filter { $0.addresses.contains(ip) && runsAgent($0.name) }.map(\.name)
        }
    }

    private func isAPIServer(_ e: RefEndpoint) -> Bool {
        if case .external(let ip) = e {
            return facts.apiServerAddresses.contains(ip) || facts.apiServerCIDRs.contains { within($0, ip) }
        }
        return false
    }

    private func isWorld(_ e: RefEndpoint) -> Bool {
        if case .pod(let p) = e, isEndpoint(p) { return false }
        return nodesOf(e).isEmpty && !isAPIServer(e)
    }

    private func addresses(_ e: RefEndpoint) -> [IPAddress] {
        switch e {
        case .pod(let p): cluster.pods[p].ips
        case .external(let ip): [ip]
        }
    }

    /// A pod's identity labels, built once per pod (`identities`).
    private func ciliumLabels(_ p: Int) -> [String: String] { identities[p] }

    private static func identityLabels(_ p: Int, _ cluster: Cluster, _ namespaceLabels: [String: [String: String]]) -> [String: String] {
        let pod = cluster.pods[p], facts = cluster.cilium
        var out: [String: String] = [:]
        for (k, v) in pod.labels where CiliumLabels.isKept(k) { out[k] = v }
        out["io.kubernetes.pod.namespace"] = pod.namespace
        for (k, v) in namespaceLabels[pod.namespace] ?? [:] { out["io.cilium.k8s.namespace.labels." + k] = v }
        out["io.cilium.k8s.policy.serviceaccount"] = pod.serviceAccount ?? "default"
        out["io.cilium.k8s.policy.cluster"] = facts.clusterName
        return out
    }

    // MARK: matching

    private func selectorMatches(_ s: LabelSelector, _ labels: [String: String]) -> Bool {
        for pair in s.matchLabels where labels[pair.key] != pair.value { return false }
        for e in s.matchExpressions {
            let v = labels[e.key]
            switch e.op {
            case .in: if v == nil || !e.values.contains(v!) { return false }
            case .notIn: if v != nil && e.values.contains(v!) { return false }
            case .exists: if v == nil { return false }
            case .doesNotExist: if v != nil { return false }
            }
        }
        return true
    }

    private func within(_ c: CIDR, _ ip: IPAddress) -> Bool {
        guard c.address.family == ip.family else { return false }
        let shift = (ip.family == .v4 ? 32 : 128) - c.prefixLength
        if shift >= (ip.family == .v4 ? 32 : 128) { return true }
        return (ip.value >> shift) == (c.address.value >> shift)
    }

    /// Whether a CIDR rule may match this peer at all: `world`, or with
    /// `policy-cidr-match-mode: nodes` node and API server addresses too.
    private func cidrCanMatch(_ e: RefEndpoint) -> Bool {
        isWorld(e) || (facts.cidrMatchesNodes && (!nodesOf(e).isEmpty || isAPIServer(e)))
    }

    private func inBlock(_ cidr: CIDR, except: [CIDR], _ e: RefEndpoint) -> Bool {
        cidrCanMatch(e) && addresses(e).contains { ip in within(cidr, ip) && !except.contains { within($0, ip) } }
    }

    private func ciliumPeerMatches(_ rule: CiliumRule, policy: CiliumPolicy, subject: Int, peer: RefEndpoint) -> Bool {
        if !rule.hasPeerField { return rule.ports != nil || rule.icmps != nil }
        for s in rule.endpoints {
            guard case .pod(let q) = peer, isEndpoint(q) else { continue }
            let scoped =
                policy.namespace.map { ns in
                    s.selector.keys.contains { $0 == "io.kubernetes.pod.namespace" || $0.hasPrefix("io.cilium.k8s.namespace.labels.") }
                        || cluster.pods[q].namespace == ns
                }
                ?? true
            if scoped && selectorMatches(s.selector, ciliumLabels(q)) { return true }
        }
        let subjectNode = cluster.pods[subject].nodeName
        let nodes = nodesOf(peer)
        let isHost = subjectNode != nil && nodes.contains(subjectNode!)
        for entity in rule.entities {
            let hit: Bool
            switch entity {
            case .all: hit = true
            case .world: hit = isWorld(peer)
            case .worldIPv4: hit = isWorld(peer) && (addresses(peer).isEmpty || addresses(peer).contains { $0.family == .v4 })
            case .worldIPv6: hit = isWorld(peer) && (addresses(peer).isEmpty || addresses(peer).contains { $0.family == .v6 })
            case .cluster:
                if case .pod(let q) = peer, isEndpoint(q) { hit = true } else { hit = !nodes.isEmpty || isAPIServer(peer) }
            case .host: hit = isHost
            case .remoteNode: hit = !nodes.isEmpty && !isHost
            case .kubeAPIServer: hit = isAPIServer(peer)
            case .ingress, .health, .unmanaged, .initializing, .none: hit = false
            }
            if hit { return true }
        }
        for c in rule.cidrs {
            switch c {
            case .block(let b): if inBlock(b.cidr, except: b.except, peer) { return true }
            case .group(let name, let except):
                for cidr in facts.cidrGroups[name] ?? [] where inBlock(cidr, except: except, peer) { return true }
            }
        }
        return false
    }

    private func ciliumPortMatches(_ rule: CiliumRule, _ packet: RefPacket, destination: RefEndpoint) -> Bool {
        // Only a rule with neither toPorts nor icmps covers every protocol (Cilium's L3-only rule).
        if rule.ports == nil && rule.icmps == nil { return true }
        let proto: NetworkProtocol, port: Int
        switch packet {
        case .port(let p, let n): (proto, port) = (p, n)
        case .icmp(let family, let type):
            // An ICMP field matches its type, every code; type 0 is Cilium's wildcard.
            return (rule.icmps ?? []).contains { $0.family == family && ($0.type == type || $0.type == 0) }
        case .number: return false
        }
        for p in rule.ports ?? [] {
            let protocols: [NetworkProtocol] = p.proto == .any ? [.tcp, .udp, .sctp] : [NetworkProtocol(rawValue: p.proto.rawValue)!]
            guard protocols.contains(proto) else { continue }
            if let name = p.name {
                guard case .pod(let d) = destination else { continue }
                if cluster.pods[d].ports.contains(where: { $0.name == name && $0.proto == proto && $0.port == port }) { return true }
            } else if let n = p.number {
                if port >= n && port <= max(n, p.endPort ?? n) { return true }
            } else {
                return true
            }
        }
        return false
    }

    /// The rules of a NetworkPolicy whose peers match (ports are asked later).
    private func networkPolicyRules(_ policy: NetworkPolicy, _ direction: PolicyDirection, peer: RefEndpoint) -> [PolicyRule] {
        (direction == .ingress ? policy.ingress : policy.egress).filter { rule in
            rule.peers.isEmpty
                || rule.peers.contains { p in
                    switch (p, peer) {
                    case (.selector(let pods, let namespaces), .pod(let q)):
                        guard isEndpoint(q) else { return false }
                        let pod = cluster.pods[q]
                        let nsOK =
                            namespaces.map { selectorMatches($0, namespaceLabels[pod.namespace] ?? [:]) }
                            ?? (pod.namespace == policy.namespace)
                        return nsOK && (pods.map { selectorMatches($0, pod.labels) } ?? true)
                    case (.selector, .external): return false
                    case (.ipBlock(let b), _): return inBlock(b.cidr, except: b.except, peer)
                    }
                }
        }
    }

    private func networkPolicyPortMatches(_ rule: PolicyRule, _ packet: RefPacket, destination: RefEndpoint) -> Bool {
        if rule.ports.isEmpty { return true }
        guard case .port(let proto, let port) = packet else { return false }
        for p in rule.ports where p.proto == proto {
            switch p.port {
            case nil: return true
            case .number(let n): if port >= n && port <= (p.endPort ?? n) { return true }
            case .name(let name):
                guard case .pod(let d) = destination else { continue }
                if cluster.pods[d].ports.contains(where: { $0.name == name && $0.proto == proto && $0.port == port }) { return true }
            }
        }
        return false
    }

    // MARK: verdicts

    /// One direction of one pair before ports: whether the subject is enforced and isolated,
    /// and the deny, allow and NetworkPolicy rules whose peers match the peer.
    struct Side {
        var enforced = false
        var isolated = false
        var fromOwnNode = false
        var denies: [CiliumRule] = []
        var allows: [CiliumRule] = []
        var networkPolicyRules: [PolicyRule] = []
    }

    func side(_ direction: PolicyDirection, subject: RefEndpoint, peer: RefEndpoint) -> Side {
        var out = Side()
        guard case .pod(let p) = subject, isEndpoint(p), facts.enforcement != .never else { return out }
        out.enforced = true
        let pod = cluster.pods[p], labels = ciliumLabels(p)
        out.isolated = facts.enforcement == .always
        for policy in cluster.policies where policy.namespace == pod.namespace && selectorMatches(policy.podSelector, pod.labels) {
            guard ReferenceEvaluator.types(policy).contains(direction) else { continue }
            out.isolated = true
            out.networkPolicyRules += networkPolicyRules(policy, direction, peer: peer)
        }
        for policy in cluster.ciliumPolicies {
            if let ns = policy.namespace, ns != pod.namespace { continue }
            for spec in policy.specs {
                guard let selector = spec.endpointSelector, selectorMatches(selector.selector, labels) else { continue }
                let allows = direction == .ingress ? spec.ingress : spec.egress
                let denies = direction == .ingress ? spec.ingressDeny : spec.egressDeny
                out.denies += denies.filter { ciliumPeerMatches($0, policy: policy, subject: p, peer: peer) }
                let written = direction == .ingress ? spec.defaultDenyIngress : spec.defaultDenyEgress
                if written ?? (!allows.isEmpty || !denies.isEmpty) { out.isolated = true }
                out.allows += allows.filter { ciliumPeerMatches($0, policy: policy, subject: p, peer: peer) }
            }
        }
        out.fromOwnNode = direction == .ingress && facts.allowLocalhost && pod.nodeName.map { nodesOf(peer).contains($0) } == true
        return out
    }

    /// One direction for one packet: a matching deny → denied; else not isolated → allowed;
    /// else a matching allow (or ingress from the own node with allow-localhost) → allowed.
    func sideAllows(_ side: Side, _ packet: RefPacket, destination: RefEndpoint) -> Bool {
        guard side.enforced else { return true }
        if side.denies.contains(where: { ciliumPortMatches($0, packet, destination: destination) }) { return false }
        if !side.isolated || side.fromOwnNode { return true }
        return side.allows.contains { ciliumPortMatches($0, packet, destination: destination) }
            || side.networkPolicyRules.contains { networkPolicyPortMatches($0, packet, destination: destination) }
    }

    func allowed(_ s: RefEndpoint, _ d: RefEndpoint, _ packet: RefPacket) -> Bool {
        if case .pod(let a) = s, case .pod(let b) = d, a == b { return true }
        return sideAllows(side(.egress, subject: s, peer: d), packet, destination: d)
            && sideAllows(side(.ingress, subject: d, peer: s), packet, destination: d)
    }

    /// One port of a protocol, or (proto nil) a protocol other than TCP, UDP, SCTP and ICMP.
    func allowed(_ s: RefEndpoint, _ d: RefEndpoint, _ proto: NetworkProtocol?, _ port: Int) -> Bool {
        allowed(s, d, proto.map { .port($0, port) } ?? .number(47))
    }

    /// The exact connection set: one port per elementary interval of the port space.
    func connections(_ s: RefEndpoint, _ d: RefEndpoint) -> ConnectionSet {
        if case .pod(let a) = s, case .pod(let b) = d, a == b { return .all }
        let egress = side(.egress, subject: s, peer: d), ingress = side(.ingress, subject: d, peer: s)
        let allowed = { (packet: RefPacket) in
            self.sideAllows(egress, packet, destination: d) && self.sideAllows(ingress, packet, destination: d)
        }
        var result = ConnectionSet.none
        for proto in NetworkProtocol.allCases {
            var ranges: [ClosedRange<Int>] = []
            for (i, start) in portStarts.enumerated() {
                let end = i + 1 < portStarts.count ? portStarts[i + 1] - 1 : 65535
                if allowed(.port(proto, start)) { ranges.append(start...end) }
            }
            result[proto] = PortSet(ranges)
        }
        result.others = otherProtocols(allowed)
        return result
    }

    /// Other protocols, exactly: one sample per ICMP type some rule names, one for the rest
    /// of each ICMP family, one (GRE) for every other protocol number.
    private func otherProtocols(_ allowed: (RefPacket) -> Bool) -> OtherProtocolSet {
        var out = OtherProtocolSet.none
        if allowed(.number(47)) {
            out = OtherProtocolSet.all.subtracting(.icmp(.v4, type: nil, code: nil)).subtracting(.icmp(.v6, type: nil, code: nil))
        }
        for family in ICMPFamily.allCases {
            let named = icmpTypes[family] ?? []
            var namedSet = OtherProtocolSet.none
            for t in named {
                namedSet = namedSet.union(.icmp(family, type: t, code: nil))
                if allowed(.icmp(family, type: t)) { out = out.union(.icmp(family, type: t, code: nil)) }
            }
            let rest = (0...255).first { !named.contains($0) }!
            if allowed(.icmp(family, type: rest)) {
                out = out.union(OtherProtocolSet.icmp(family, type: nil, code: nil).subtracting(namedSet))
            }
        }
        return out
    }

    private static func portCuts(_ cluster: Cluster) -> [Int] {
        var cuts: Set<Int> = [1]
        func cut(_ a: Int, _ b: Int) {
            cuts.insert(a)
            if b < 65535 { cuts.insert(b + 1) }
        }
        for rule in cluster.policies.flatMap({ $0.ingress + $0.egress }) {
            for p in rule.ports { if case .number(let n) = p.port { cut(n, p.endPort ?? n) } }
        }
        for spec in cluster.ciliumPolicies.flatMap(\.specs) {
            for rule in spec.ingress + spec.ingressDeny + spec.egress + spec.egressDeny {
                for p in rule.ports ?? [] { if let n = p.number { cut(n, max(n, p.endPort ?? n)) } }
            }
        }
        for cp in cluster.pods.flatMap(\.ports) { cut(cp.port, cp.port) }
        return cuts.filter { $0 >= 1 && $0 <= 65535 }.sorted()
    }

    /// Both ends of every elementary address interval: cut at every CIDR (and except,
    /// group CIDR), node address, API server address and pod IP.
    func externalSamples() -> [IPAddress] {
        var ranges: [IPRange] = []
        for rule in cluster.policies.flatMap({ $0.ingress + $0.egress }) {
            for case .ipBlock(let b) in rule.peers { ranges += ([b.cidr] + b.except).map(\.range) }
        }
        for spec in cluster.ciliumPolicies.flatMap(\.specs) {
            for rule in spec.ingress + spec.ingressDeny + spec.egress + spec.egressDeny {
                for c in rule.cidrs {
                    switch c {
                    case .block(let b): ranges += ([b.cidr] + b.except).map(\.range)
                    case .group(let name, let except): ranges += ((facts.cidrGroups[name] ?? []) + except).map(\.range)
                    }
                }
            }
        }
        ranges += facts.apiServerCIDRs.map(\.range)
        let singles = cluster.nodes.flatMap(\.addresses) + facts.apiServerAddresses + cluster.pods.flatMap(\.ips)
        ranges += singles.map { IPRange(family: $0.family, lower: $0.value, upper: $0.value) }
        return Set(ranges.map(\.family)).union([.v4]).sorted().flatMap {
            ReferenceEvaluator.intervalEnds(cutting: ranges, family: $0)
        }
    }
}
