import KubeReachCore

/// One packet the Calico reference asks about: a TCP/UDP/SCTP port, a whole other protocol,
/// or an ICMP/ICMPv6 message.
enum CalicoProbe: Hashable {
    case port(NetworkProtocol, Int)
    case number(Int)
    case icmp(ICMPFamily, type: Int, code: Int)

    var protocolNumber: Int {
        switch self {
        case .port(let p, _): return p == .tcp ? 6 : p == .udp ? 17 : 132
        case .number(let n): return n
        case .icmp(let f, _, _): return f.protocolNumber
        }
    }
}

/// A deliberately naive Calico evaluator written from Docs/semantics.md (Calico): pair by
/// pair, tier by tier, probe by probe. It re-derives Calico's endpoint labels, libcalico-go's
/// entity-rule selector scoping, tier and policy order, and the Kubernetes NetworkPolicies
/// as allow-only policies `knp.default.<name>` at order 1000 of the default tier; it shares
/// nothing with the engine beyond the model structs and the NetworkPolicy reference's
/// label and CIDR helpers. Per pair, the rules whose endpoint conditions hold are found
/// once; each probe then walks them.
struct CalicoReference {
    let cluster: Cluster
    let base: ReferenceEvaluator
    let tiers: [CalicoTier]
    let policies: [CalicoPolicy]
    let accountLabels: [String: [String: String]]
    let portStarts: [Int]
    /// Calico's labels per pod and per network set, worked out once.
    private var podLabels: [[String: String]] = []
    private var networkSetLabels: [[String: String]] = []
    /// Per evaluated policy, the pods it applies to.
    private var applies: [Set<Int>] = []
    /// What a `namespaceSelector` sees per namespace, and a service-account selector per pod.
    private var namespaceViews: [String: [String: String]] = [:]
    private var accountViews: [[String: String]] = []

    init(_ cluster: Cluster) {
        self.cluster = cluster
        base = ReferenceEvaluator(cluster)
        var tiers = cluster.calico.tiers
        if !tiers.contains(where: { $0.name == "default" }) { tiers.append(CalicoTier(name: "default", order: 1_000_000)) }
        self.tiers = tiers.sorted { Self.before(($0.order, $0.name, ""), ($1.order, $1.name, "")) }
        let names = Set(tiers.map(\.name))
        policies = cluster.calico.policies.filter { !$0.staged && names.contains($0.tier) && $0.hostOnlyFields.isEmpty }
        var labels: [String: [String: String]] = [:]
        for a in cluster.identity.serviceAccounts { labels["\(a.namespace)/\(a.name)"] = a.labels }
        accountLabels = labels
        var cuts: Set<Int> = [1]
        for rule in cluster.policies.flatMap({ $0.ingress + $0.egress }) {
            for p in rule.ports {
                if case .number(let n) = p.port { cuts.formUnion([n, (p.endPort ?? n) + 1]) }
            }
        }
        for rule in policies.flatMap({ $0.ingress + $0.egress }) {
            for case .range(let lo, let hi) in rule.destination.ports + rule.destination.notPorts { cuts.formUnion([lo, hi + 1]) }
        }
        for port in cluster.pods.flatMap(\.ports) { cuts.formUnion([port.port, port.port + 1]) }
        portStarts = cuts.filter { (1...65535).contains($0) }.sorted()
        for name in Set(cluster.namespaces.map(\.name) + cluster.pods.map(\.namespace)) { namespaceViews[name] = namespaceView(name) }
        accountViews = cluster.pods.map(accountView)
        podLabels = cluster.pods.map(endpointLabels)
        networkSetLabels = cluster.calico.networkSets.map(setLabels)
        applies = policies.map { policy in Set(cluster.pods.indices.filter { appliesTo(policy, $0) }) }
    }

    /// Order, unset last; then name; then namespace.
    static func before(_ a: (Double?, String, String), _ b: (Double?, String, String)) -> Bool {
        switch (a.0, b.0) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.1 != b.1 ? Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8)) : a.2 < b.2
        }
    }

    // MARK: the walk

    /// One tier's rules that hold for a pair, and its default action.
    struct TierRules {
        var pass: Bool
        var rules: [(action: CalicoAction, matches: (CalicoProbe) -> Bool)]
    }

    func connections(_ s: RefEndpoint, _ d: RefEndpoint) -> ConnectionSet {
        if case .pod(let a) = s, case .pod(let b) = d, a == b { return .all }
        let egress = side(.egress, s, d), ingress = side(.ingress, s, d)
        return Self.probeSet(portStarts: portStarts) { probe in Self.walk(egress, probe) && Self.walk(ingress, probe) }
    }

    /// Tier by tier: the first Allow/Deny decides, Pass goes to the next tier, Log goes on;
    /// a tier whose rules decided nothing ends in its default action; then the profile allows.
    static func walk(_ tiers: [TierRules]?, _ probe: CalicoProbe) -> Bool {
        for tier in tiers ?? [] {
            var passed = false
            for rule in tier.rules where rule.matches(probe) {
                if rule.action == .allow { return true }
                if rule.action == .deny { return false }
                if rule.action == .pass {
                    passed = true
                    break
                }
            }
            if !passed && !tier.pass { return false }
        }
        return true
    }

    /// The tiers deciding one direction (nil: the subject is external or hostNetwork).
    func side(_ direction: PolicyDirection, _ s: RefEndpoint, _ d: RefEndpoint) -> [TierRules]? {
        guard case .pod(let p) = direction == .egress ? s : d, !cluster.pods[p].hostNetwork else { return nil }
        let pod = cluster.pods[p], far = direction == .egress ? d : s
        var entries: [(key: (Int, Double?, String, String), rules: [(CalicoAction, (CalicoProbe) -> Bool)])] = []
        let tierIndex = Dictionary(tiers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, policy) in policies.enumerated() where policy.types.contains(direction) && applies[k].contains(p) {
            let rules = policy.rules(direction).filter { holds($0, policy: policy, s, d) }.map { rule in
                (rule.action, { (probe: CalicoProbe) in self.covers(rule, probe, destination: d) })
            }
            entries.append(((tierIndex[policy.tier]!, policy.order, policy.name, policy.namespace ?? ""), rules))
        }
        for np in cluster.policies
        where np.namespace == pod.namespace && base.selectorMatches(np.podSelector, pod.labels)
            && ReferenceEvaluator.types(np).contains(direction)
        {
            let rules = (direction == .ingress ? np.ingress : np.egress).filter { rule in
                rule.peers.isEmpty || rule.peers.contains { npPeer($0, np.namespace, far) }
            }.map { rule in (CalicoAction.allow, { (probe: CalicoProbe) in self.npPorts(rule.ports, probe, destination: d) }) }
            entries.append(((tierIndex["default"]!, 1000, "knp.default." + np.name, np.namespace), rules))
        }
        entries.sort { a, b in
            a.key.0 != b.key.0 ? a.key.0 < b.key.0 : Self.before((a.key.1, a.key.2, a.key.3), (b.key.1, b.key.2, b.key.3))
        }
        var out: [TierRules] = []
        var last = -1
        for entry in entries {
            if entry.key.0 != last {
                out.append(TierRules(pass: tiers[entry.key.0].defaultAction == .pass, rules: []))
                last = entry.key.0
            }
            out[out.count - 1].rules += entry.rules.map { (action: $0.0, matches: $0.1) }
        }
        return out
    }

    // MARK: endpoints and selectors

    /// The labels Calico gives a pod's endpoint.
    func endpointLabels(_ pod: Pod) -> [String: String] {
        var m: [String: String] = [:]
        for (k, v) in namespaceView(pod.namespace) { m["pcns." + k] = v }
        for (k, v) in accountView(pod) { m["pcsa." + k] = v }
        m["projectcalico.org/namespace"] = pod.namespace
        m["projectcalico.org/orchestrator"] = "k8s"
        m["projectcalico.org/serviceaccount"] = pod.serviceAccountName
        for (k, v) in pod.labels { m[k] = v }
        return m
    }

    func namespaceView(_ name: String) -> [String: String] {
        var m = base.namespaceLabelsOf(name)
        m["projectcalico.org/name"] = name
        return m
    }

    func accountView(_ pod: Pod) -> [String: String] {
        var m = accountLabels["\(pod.namespace)/\(pod.serviceAccountName)"] ?? [:]
        m["projectcalico.org/name"] = pod.serviceAccountName
        return m
    }

    func setLabels(_ set: CalicoNetworkSet) -> [String: String] {
        guard let ns = set.namespace else { return set.labels }
        var m: [String: String] = [:]
        for (k, v) in namespaceView(ns) { m["pcns." + k] = v }
        m["projectcalico.org/namespace"] = ns
        for (k, v) in set.labels { m[k] = v }
        return m
    }

    /// A `namespaceSelector` on one namespace's labels (nil: a global endpoint).
    static func namespaceMatches(_ s: CalicoSelector, _ labels: [String: String]?) -> Bool {
        switch s {
        case .all: return labels != nil
        case .global: return labels == nil
        case .not(let x): return !namespaceMatches(x, labels)
        case .and(let xs): return xs.allSatisfy { namespaceMatches($0, labels) }
        case .or(let xs): return xs.contains { namespaceMatches($0, labels) }
        default: return s.matches(labels ?? [:])
        }
    }

    func appliesTo(_ policy: CalicoPolicy, _ p: Int) -> Bool {
        let pod = cluster.pods[p]
        if let ns = policy.namespace, ns != pod.namespace { return false }
        if let s = policy.namespaceSelector, !Self.namespaceMatches(s, namespaceView(pod.namespace)) { return false }
        if let s = policy.serviceAccountSelector, !s.matches(accountView(pod)) { return false }
        return policy.selector.matches(podLabels[p])
    }

    /// Whether a rule's endpoint conditions (both sides, address family, nothing only the
    /// dataplane knows) hold for the pair.
    func holds(_ rule: CalicoRule, policy: CalicoPolicy, _ s: RefEndpoint, _ d: RefEndpoint) -> Bool {
        guard rule.layer7Fields.isEmpty, rule.source.ports.isEmpty, rule.source.notPorts.isEmpty else { return false }
        let cidrs = rule.source.nets + rule.source.notNets + rule.destination.nets + rule.destination.notNets
        let family =
            rule.ipVersion ?? (cidrs.allSatisfy { $0.address.family == cidrs.first?.address.family } ? cidrs.first?.address.family : nil)
        if let family, !hasFamily(s, family) || !hasFamily(d, family) { return false }
        return entity(rule.source, s, namespace: policy.namespace) && entity(rule.destination, d, namespace: policy.namespace)
    }

    func addresses(_ e: RefEndpoint) -> [IPAddress] {
        switch e {
        case .pod(let p): return cluster.pods[p].ips
        case .external(let ip): return [ip]
        }
    }

    func hasFamily(_ e: RefEndpoint, _ f: IPFamily) -> Bool {
        if case .pod(let p) = e, cluster.pods[p].ips.isEmpty { return true }
        return addresses(e).contains { $0.family == f }
    }

    /// libcalico-go's entity rule: nets, notNets, the scoped positive selector, notSelector.
    func entity(_ e: CalicoEntityRule, _ endpoint: RefEndpoint, namespace: String?) -> Bool {
        let ips = addresses(endpoint)
        if !e.nets.isEmpty && !ips.contains(where: { ip in e.nets.contains { base.within($0, ip) } }) { return false }
        if ips.contains(where: { ip in e.notNets.contains { base.within($0, ip) } }) { return false }
        let accounts = !(e.serviceAccountNames ?? []).isEmpty || e.serviceAccountSelector != nil
        let scoped = e.namespaceSelector != nil || namespace != nil
        let positive = accounts || e.selector != nil || (scoped && (e.notSelector != nil || e.namespaceSelector != nil))
        if positive && !inIPSet(endpoint, { labels, ns, pod in self.positive(e, labels, ns, pod, namespace) }) { return false }
        if let not = e.notSelector, inIPSet(endpoint, { labels, _, _ in not.matches(labels) }) { return false }
        return true
    }

    private func positive(_ e: CalicoEntityRule, _ labels: [String: String], _ ns: String?, _ pod: Int?, _ policyNamespace: String?)
        -> Bool
    {
        if let s = e.namespaceSelector {
            if !Self.namespaceMatches(s, ns.map { namespaceViews[$0] ?? namespaceView($0) }) { return false }
        } else if let policyNamespace, ns != policyNamespace {
            return false
        }
        if let s = e.serviceAccountSelector, !s.matches(pod.map { accountViews[$0] } ?? [:]) { return false }
        if let names = e.serviceAccountNames, !names.isEmpty, !(pod.map { names.contains(cluster.pods[$0].serviceAccountName) } ?? false) {
            return false
        }
        return e.selector?.matches(labels) ?? true
    }

    /// Whether the endpoint's address is in a selector's IP set: it is a selected workload,
    /// or its address lies in a selected network set.
    private func inIPSet(_ endpoint: RefEndpoint, _ selects: ([String: String], String?, Int?) -> Bool) -> Bool {
        if case .pod(let p) = endpoint, !cluster.pods[p].hostNetwork, selects(podLabels[p], cluster.pods[p].namespace, p) { return true }
        let ips = addresses(endpoint)
        return cluster.calico.networkSets.indices.contains { i in
            let set = cluster.calico.networkSets[i]
            return ips.contains { ip in set.nets.contains { base.within($0, ip) } } && selects(networkSetLabels[i], set.namespace, nil)
        }
    }

    // MARK: probes

    func covers(_ rule: CalicoRule, _ probe: CalicoProbe, destination: RefEndpoint) -> Bool {
        if let p = rule.proto, Self.number(p) != probe.protocolNumber { return false }
        if let p = rule.notProto, Self.number(p) == probe.protocolNumber { return false }
        if let m = rule.icmp, rule.proto == .icmp || rule.proto == .icmpv6 {
            guard case .icmp(_, let t, let c) = probe, t == m.type, m.code == nil || m.code == c else { return false }
        }
        if let m = rule.notICMP, rule.proto == .icmp || rule.proto == .icmpv6, case .icmp(_, let t, let c) = probe, t == m.type,
            m.code == nil || m.code == c
        {
            return false
        }
        let ports = rule.destination.ports, notPorts = rule.destination.notPorts
        if !ports.isEmpty && !ports.contains(where: { portCovers($0, probe, destination) }) { return false }
        return !notPorts.contains { portCovers($0, probe, destination) }
    }

    private func portCovers(_ port: CalicoPort, _ probe: CalicoProbe, _ destination: RefEndpoint) -> Bool {
        guard case .port(let proto, let n) = probe else { return false }
        switch port {
        case .range(let lo, let hi): return lo <= n && n <= hi
        case .named(let name):
            guard case .pod(let d) = destination else { return false }
            return cluster.pods[d].ports.contains { $0.name == name && $0.proto == proto && $0.port == n }
        }
    }

    static func number(_ p: CalicoProtocol) -> Int {
        switch p {
        case .tcp: return 6
        case .udp: return 17
        case .sctp: return 132
        case .icmp: return 1
        case .icmpv6: return 58
        case .udplite: return 136
        case .number(let n): return n
        }
    }

    func npPeer(_ peer: PolicyPeer, _ namespace: String, _ endpoint: RefEndpoint) -> Bool {
        switch (peer, endpoint) {
        case (.selector(let pods, let namespaces), .pod(let q)):
            let pod = cluster.pods[q]
            let nsOK = namespaces.map { base.selectorMatches($0, base.namespaceLabelsOf(pod.namespace)) } ?? (pod.namespace == namespace)
            return nsOK && (pods.map { base.selectorMatches($0, pod.labels) } ?? true)
        case (.selector, .external): return false
        case (.ipBlock(let b), _):
            return addresses(endpoint).contains { ip in base.within(b.cidr, ip) && !b.except.contains { base.within($0, ip) } }
        }
    }

    func npPorts(_ ports: [PolicyPort], _ probe: CalicoProbe, destination: RefEndpoint) -> Bool {
        if ports.isEmpty { return true }
        guard case .port(let proto, let n) = probe else { return false }
        return ports.contains { p in
            guard p.proto == proto else { return false }
            switch p.port {
            case nil: return true
            case .number(let lo): return lo <= n && n <= (p.endPort ?? lo)
            case .name(let name):
                guard case .pod(let d) = destination else { return false }
                return cluster.pods[d].ports.contains { $0.name == name && $0.proto == proto && $0.port == n }
            }
        }
    }

    /// The exact set from one probe per class: each elementary port interval, protocol 47,
    /// 136 and one other number for the rest, and ICMP/ICMPv6 types 0, 3, 8 with codes 0, 1
    /// and the rest (the random clusters name no others).
    static func probeSet(portStarts: [Int], _ allowed: (CalicoProbe) -> Bool) -> ConnectionSet {
        var ports: [NetworkProtocol: PortSet] = [:]
        for proto in NetworkProtocol.allCases {
            var ranges: [ClosedRange<Int>] = []
            for (i, start) in portStarts.enumerated() where allowed(.port(proto, start)) {
                ranges.append(start...(i + 1 < portStarts.count ? portStarts[i + 1] - 1 : 65535))
            }
            ports[proto] = ranges.count == portStarts.count ? .all : PortSet(ranges)
        }
        // The classes partition the other protocols: all or none allowed needs no union.
        let kept = otherClasses.filter { allowed($0.0) }
        let others =
            kept.count == otherClasses.count ? OtherProtocolSet.all : kept.reduce(OtherProtocolSet.none) { $0.union($1.1) }
        return ConnectionSet(sctp: ports[.sctp]!, tcp: ports[.tcp]!, udp: ports[.udp]!, others: others)
    }

    /// One probe per class of other protocols, with the class: protocols 47 and 136, one for
    /// every other number, and per ICMP family types 0, 3, 8 with codes 0, 1 and the rest of
    /// each, then the rest of the types.
    static let otherClasses: [(CalicoProbe, OtherProtocolSet)] = {
        var out: [(CalicoProbe, OtherProtocolSet)] = [(.number(47), .number(47)), (.number(136), .number(136))]
        out.append((.number(99), (0...255).filter { ![1, 47, 58, 136].contains($0) }.reduce(.none) { $0.union(.number($1)) }))
        let types = [0, 3, 8], codes = [0, 1]
        for family in ICMPFamily.allCases {
            for t in types {
                for c in codes { out.append((.icmp(family, type: t, code: c), .icmp(family, type: t, code: c))) }
                let rest = codes.reduce(OtherProtocolSet.icmp(family, type: t, code: nil)) {
                    $0.subtracting(.icmp(family, type: t, code: $1))
                }
                out.append((.icmp(family, type: t, code: 2), rest))
            }
            let rest = types.reduce(OtherProtocolSet.icmp(family, type: nil, code: nil)) {
                $0.subtracting(.icmp(family, type: $1, code: nil))
            }
            out.append((.icmp(family, type: 5, code: 0), rest))
        }
        return out
    }()

    /// One address per interval between the boundaries of every CIDR in play, both families.
    func externalSamples() -> [IPAddress] {
        var ranges = cluster.calico.networkSets.flatMap(\.nets).map(\.range)
        for rule in policies.flatMap({ $0.ingress + $0.egress }) {
            ranges += (rule.source.nets + rule.source.notNets + rule.destination.nets + rule.destination.notNets).map(\.range)
        }
        for rule in cluster.policies.flatMap({ $0.ingress + $0.egress }) {
            for case .ipBlock(let b) in rule.peers { ranges += ([b.cidr] + b.except).map(\.range) }
        }
        ranges += cluster.pods.flatMap(\.ips).map { IPRange(family: $0.family, lower: $0.value, upper: $0.value) }
        return Set(ranges.map(\.family)).union([.v4]).sorted().flatMap { ReferenceEvaluator.intervalEnds(cutting: ranges, family: $0) }
    }
}
