import KubeReachCore

/// Entry points, crown jewels, the paths between them, and the chokepoints (a minimum cut)
/// with the policy change that would remove each.
public struct ExposureReport: Sendable {
    public struct Entry: Sendable {
        public var node: Int
        public var reasons: [String]
    }

    public struct Chokepoint: Sendable {
        public var from: Int
        public var to: Int
        public var connections: ConnectionSet
        public var change: String
    }

    public var entries: [Entry]
    public var crownJewels: [Int]
    public var paths: [ReachPath]
    /// The first chokepoints of the minimum cut (at most the limit asked for), with their changes.
    public var chokepoints: [Chokepoint]
    /// The number of edges in the minimum cut; more than `chokepoints.count` when the cut was
    /// too large to list (an open cluster: everything reaches everything).
    public var cutSize: Int
}

extension ReachabilityGraph {
    /// Labels that mark crown jewels when no selector is given.
    public static let defaultSensitive: [[String: String]] = [["tier": "db"], ["app.kubernetes.io/component": "database"]]

    /// Chokepoints listed (and explained) when no limit is given.
    public static let defaultMaxChokepoints = 50

    public func exposure(
        _ reach: Reachability, sensitive: [[String: String]] = defaultSensitive, k: Int = 10, maxChokepoints: Int = defaultMaxChokepoints
    ) -> ExposureReport {
        let net = node(named: Self.internet)!
        var reasons: [Int: [String]] = [:]
        for e in outgoing[net] { reasons[e.to, default: []].append("reachable from the internet: \(e.connections.description)") }
        let namespaceOf = names.map { namespace(of: $0) }
        var sizeOf: [String: Int] = [:]
        for case let ns? in namespaceOf { sizeOf[ns, default: 0] += 1 }
        let workloads = names.count - 1
        for n in names.indices where n != net {
            // Every workload of every other namespace reaches it (a `namespaceSelector: {}` exposure).
            let others = workloads - (namespaceOf[n].flatMap { sizeOf[$0] } ?? 0)
            let fromOthers = incoming[n].filter { $0.to != net && namespaceOf[$0.to] != namespaceOf[n] }.count
            if others > 0 && fromOthers == others {
                reasons[n, default: []].append("reachable from every workload of every other namespace")
            }
            if !podsOfNode[n].isEmpty && podsOfNode[n].allSatisfy({ !reach.isIsolated(pod: $0, .ingress) }) {
                reasons[n, default: []].append("not isolated for ingress")
            }
        }
        let entries = reasons.keys.sorted().map { ExposureReport.Entry(node: $0, reasons: reasons[$0]!) }
        let jewels = names.indices.filter { n in
            podsOfNode[n].contains { p in sensitive.contains { sel in sel.allSatisfy { cluster.pods[p].labels[$0.key] == $0.value } } }
        }
        let sources = [net] + entries.map(\.node).filter { !jewels.contains($0) }
        let paths = jewels.isEmpty ? [] : shortestPaths(from: sources, to: jewels, k: k)
        let explainer = Explainer(cluster: cluster, options: reach.options)
        let cut = jewels.isEmpty ? [] : minimumCut(from: sources, to: jewels)
        let listed = cut.prefix(max(0, maxChokepoints)).map { a, b in
            ExposureReport.Chokepoint(
                from: a, to: b, connections: outgoing[a].first { $0.to == b }!.connections, change: change(a, b, explainer))
        }
        return ExposureReport(entries: entries, crownJewels: jewels, paths: paths, chokepoints: listed, cutSize: cut.count)
    }

    func namespace(of name: String) -> String? {
        name == Self.internet ? nil : name.firstIndex(of: "/").map { String(name[..<$0]) }
    }

    /// The policy change that removes edge a → b: the rules that admit it, or the missing isolation.
    func change(_ a: Int, _ b: Int, _ explainer: Explainer) -> String {
        guard let dst = podsOfNode[b].first else { return "isolate \(names[b])" }
        let src: Explainer.Endpoint = podsOfNode[a].first.map { .pod($0) } ?? .external(IPAddress(family: .v4, value: 0x0808_0808))
        let e = explainer.explain(src, .pod(dst), sourceName: names[a], destinationName: names[b])
        func rules(_ side: DirectionExplanation, _ key: String) -> String {
            side.matches.map { "\($0.policy.name) spec.\(key)[\($0.ruleIndex)]" }.joined(separator: ", ")
        }
        switch e.ingress.status {
        case .isolated: return "narrow \(rules(e.ingress, "ingress")) so it no longer admits \(names[a])"
        case .notIsolated: return "isolate \(names[b]) for ingress (a policy selecting it) and allow only what it needs"
        case .hostNetwork: return "\(names[b]) is a hostNetwork pod: protect it at the node level"
        default:
            return e.egress.status == .isolated
                ? "narrow \(rules(e.egress, "egress")) so \(names[a]) can no longer send to it" : "isolate \(names[a]) for egress"
        }
    }
}
