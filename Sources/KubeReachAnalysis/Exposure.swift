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
        let externals = externalNodes
        var reasons = internetReasons()
        let namespaceOf = nodes.map(\.namespace)
        var sizeOf: [String: Int] = [:]
        for case let ns? in namespaceOf { sizeOf[ns, default: 0] += 1 }
        let workloads = names.count - externals.count
        for n in names.indices where !isExternal(n) {
            // Every workload of every other namespace reaches it (a `namespaceSelector: {}` exposure).
            let others = workloads - (namespaceOf[n].flatMap { sizeOf[$0] } ?? 0)
            let fromOthers = incoming[n].filter { !isExternal($0.to) && namespaceOf[$0.to] != namespaceOf[n] }.count
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
        let sources = externals.filter { !outgoing[$0].isEmpty } + entries.map(\.node).filter { !jewels.contains($0) }
        let paths = jewels.isEmpty ? [] : shortestPaths(from: sources, to: jewels, k: k)
        let explainer = Explainer(cluster: cluster, options: reach.options)
        let cut = jewels.isEmpty ? [] : minimumCut(from: sources, to: jewels)
        let listed = cut.prefix(max(0, maxChokepoints)).map { a, b in
            ExposureReport.Chokepoint(
                from: a, to: b, connections: outgoing[a].first { $0.to == b }!.connections, change: change(a, b, reach, explainer))
        }
        return ExposureReport(entries: entries, crownJewels: jewels, paths: paths, chokepoints: listed, cutSize: cut.count)
    }

    /// Why workloads reached from outside are entry points: per connection set, from the
    /// internet (all of it, or the ranges named) and from cluster addresses no loaded pod
    /// holds (inside the pod and service CIDRs), each said apart.
    func internetReasons() -> [Int: [String]] {
        var from: [Int: [(Int, ConnectionSet)]] = [:]
        let sources = externalSourceNodes
        let internet = sources.filter { !isClusterAddress($0) }
        for x in sources { for e in outgoing[x] where !isExternal(e.to) { from[e.to, default: []].append((x, e.connections)) } }
        return from.mapValues { list in
            var groups: [(ConnectionSet, Bool, [Int])] = []
            for (x, c) in list {
                let inside = isClusterAddress(x)
                if let i = groups.firstIndex(where: { $0.0 == c && $0.1 == inside }) {
                    groups[i].2.append(x)
                } else {
                    groups.append((c, inside, [x]))
                }
            }
            return groups.map { c, inside, xs in
                let ranges = xs.map { names[$0] }.joined(separator: ", ")
                if inside { return "reachable from cluster addresses no loaded pod holds (\(ranges)): \(c.description)" }
                let who = xs.count == internet.count ? "the internet (every external address)" : ranges
                return "reachable from \(who): \(c.description)"
            }
        }
    }

    /// The policy change that removes edge a → b: the rules that admit it (NetworkPolicy
    /// rules, or admin rules that allowed it), or the missing isolation. It explains one
    /// pair of the edge that is allowed, so the rules named are the ones at work.
    func change(_ a: Int, _ b: Int, _ reach: Reachability, _ explainer: Explainer) -> String {
        guard let (src, dst) = witness(a, b, reach) else { return "isolate \(names[b])" }
        let e = explainer.explain(src, .pod(dst), sourceName: names[a], destinationName: names[b])
        let admitting = Self.admitting(e.ingress, "ingress"), sending = Self.admitting(e.egress, "egress")
        if e.ingress.status == .hostNetwork { return "\(names[b]) is a hostNetwork pod: protect it at the node level" }
        if !admitting.isEmpty { return "narrow \(admitting.joined(separator: ", ")) so it no longer admits \(names[a])" }
        if e.ingress.status == .notIsolated {
            return "isolate \(names[b]) for ingress (a policy selecting it) and allow only what it needs"
        }
        if !sending.isEmpty { return "narrow \(sending.joined(separator: ", ")) so \(names[a]) can no longer send to it" }
        if !isExternal(a) && e.egress.status == .notIsolated { return "isolate \(names[a]) for egress" }
        return "isolate \(names[b]) for ingress and allow only what it needs"
    }

    /// The rules of one side that let the pair through: NetworkPolicy rules whose peer
    /// matched, and admin rules (ANP or BANP) that allowed part of it.
    static func admitting(_ side: DirectionExplanation, _ key: String) -> [String] {
        let admin = side.adminDecisions.filter { $0.action == .allow }.map { d in
            "\(d.api == .v1alpha2 ? "ClusterNetworkPolicy" : d.tier == .admin ? "AdminNetworkPolicy" : "BaselineAdminNetworkPolicy") \(d.policy.name) spec.\(key)[\(d.ruleIndex)]"
        }
        let rules = side.status == .isolated ? side.matches.map { "\($0.policy.name) spec.\(key)[\($0.ruleIndex)]" } : []
        return admin + rules
    }

    /// One allowed pair behind the edge a → b: a pod (or an address of the range) of a and a pod of b.
    func witness(_ a: Int, _ b: Int, _ reach: Reachability) -> (Explainer.Endpoint, Int)? {
        if let range = externalRanges[a] {
            let address = IPAddress(family: range.family, value: range.lower)
            guard let x = reach.externalSourceIndex(of: address) else { return nil }
            return podsOfNode[b].first { !reach.connections(fromExternal: x, toPod: $0).isEmpty }.map { (.external(address), $0) }
        }
        for p in podsOfNode[a] {
            if let q = podsOfNode[b].first(where: { $0 != p && !reach.connections(fromPod: p, toPod: $0).isEmpty }) { return (.pod(p), q) }
        }
        return nil
    }
}
