import KubeReachAnalysis
import KubeReachCore
import KubeReachRBAC

extension AttackGraphBuilder {
    /// What removes `edge`; nil for cluster-admin's own edges, which no manifest change
    /// takes away (cut the way to cluster-admin instead). Network edges need `network`.
    func change(of edge: AttackEdge, in graph: AttackGraph, network: NetworkChanges) -> AttackChange? {
        let from = graph.vertices[edge.from], to = graph.vertices[edge.to]
        switch (edge.technique, from, to) {
        case (_, .clusterAdmin, _): return nil
        case (.endpointExploit, _, .workload(let target)): return network.change(from, target, edge)
        case (.identityAssume, .workload(let w), _): return tokenChange([w], edge)
        case (.identityAssume, .secret(let ns, let name), _):
            return AttackChange("delete the long-lived token Secret \(ns)/\(name) (request short-lived tokens instead)", at: edge.source)
        case (.tokenSteal, .node, .serviceAccount(let ns, let name)):
            let holders = podsOf.keys.sorted().filter { w in
                placement(w).contains(from)
                    && (podsOf[w] ?? []).contains { mountedToken($0) == .serviceAccount(namespace: ns, name: name) }
            }
            return tokenChange(holders, edge, keepOff: from)
        case (_, .workload(let w), _) where to.isNode: return escapeChange(w, edge)
        case (_, .serviceAccount(let ns, let name), _): return permissionChange(ns, name, edge, podSecurityOn: to.isNode)
        default: return AttackChange("remove what the reason names: \(edge.why)", at: edge.source)
        }
    }

    /// `automountServiceAccountToken: false` in the pod specs of the workloads.
    private func tokenChange(_ workloads: [WorkloadRef], _ edge: AttackEdge, keepOff node: AttackVertex? = nil) -> AttackChange {
        let specs = workloads.compactMap { w in podsOf[w]?.first.flatMap { p in p.security.map { "\(w) \($0.specPath)" } } }
        let also = node.map { " (or keep them off \($0))" } ?? ""
        let projected =
            workloads.contains { w in
                (podsOf[w] ?? []).contains { $0.security?.volumes.contains(where: \.projectsServiceAccountToken) == true }
            }
            ? ", and remove the projected serviceAccountToken volume" : ""
        return AttackChange(
            "set automountServiceAccountToken: false in \(specs.joined(separator: ", "))\(projected)\(also)", at: edge.source)
    }

    /// The securityContext field, hostPID or hostPath mount that allows the escape.
    private func escapeChange(_ w: WorkloadRef, _ edge: AttackEdge) -> AttackChange {
        guard let s = podsOf[w]?.first?.security else { return AttackChange("remove what the reason names: \(edge.why)", at: edge.source) }
        var fields: [String] = []
        for c in s.containers {
            let at = "\(s.specPath).\(c.role.rawValue)[\(c.index)]"
            let privileged = c.context.privileged == true, caps = Set(c.context.capabilitiesAdd)
            switch edge.technique {
            case .privilegedMount where privileged, .nsenter where privileged, .moduleLoad where privileged:
                fields.append("\(at).securityContext.privileged: false")
            case .moduleLoad where caps.contains("SYS_MODULE"): fields.append("drop SYS_MODULE from \(at).securityContext.capabilities.add")
            case .hostWrite:
                for m in c.volumeMounts where !m.readOnly {
                    guard let path = s.volumes.first(where: { $0.name == m.name })?.hostPath, Self.sensitiveHostPaths.contains(path) else {
                        continue
                    }
                    fields.append("\(at).volumeMounts[\(m.name)].readOnly: true (or no hostPath \(path))")
                }
            default: break
            }
        }
        if edge.technique == .nsenter || edge.technique == .sysPtrace { fields.append("\(s.specPath).hostPID: false") }
        guard !fields.isEmpty else { return AttackChange("remove what the reason names: \(edge.why)", at: edge.source) }
        return AttackChange("set " + fields.joined(separator: ", "), at: edge.source)
    }

    /// The binding that gives the account the rule behind the edge: take the account out of
    /// it. POD_CREATE/WORKLOAD_CREATE to a node: or have the namespaces enforce `baseline`.
    private func permissionChange(_ ns: String, _ name: String, _ edge: AttackEdge, podSecurityOn toNode: Bool) -> AttackChange {
        let who = Requester.serviceAccount(namespace: ns, name: name)
        let bindings = cluster.identity.bindings.filter { b in
            b.subjects.contains(where: who.matches) && role(of: b).contains { r in r.rules.contains { $0.location == edge.source } }
        }
        // The first binding is where the change is made; any other is named with its place.
        var ways = bindings.enumerated().map { i, b in
            let subject = b.subjects.first(where: who.matches)!
            return
                "remove \(subject.description) from \(b.display)\(i == 0 ? "" : b.location.map { " (\($0.file)\($0.line.map { ":\($0)" } ?? ""))" } ?? "")"
        }
        if ways.isEmpty { ways.append("narrow the rule that grants it") }
        if toNode && (edge.technique == .podCreate || edge.technique == .workloadCreate) {
            let open = bindings.flatMap { b in b.namespace.map { [$0] } ?? workloadsIn.keys.sorted() }.filter {
                (levelOf[$0] ?? .privileged) == .privileged
            }
            for n in Set(open).sorted() { ways.append("label Namespace \(n) pod-security.kubernetes.io/enforce: baseline") }
        }
        return AttackChange(ways.joined(separator: "; or "), at: bindings.first?.location ?? edge.source)
    }

    /// The role a binding refers to, and for an aggregated ClusterRole the roles it aggregates.
    private func role(of b: RBACBinding) -> [RBACRole] {
        let roles = cluster.identity.roles
        guard
            let r = roles.first(where: {
                $0.kind == b.roleKind && $0.name == b.roleName && (b.roleKind == .clusterRole || $0.namespace == b.namespace)
            })
        else { return [] }
        guard let selectors = r.aggregationSelectors else { return [r] }
        return [r] + roles.filter { o in o.kind == .clusterRole && selectors.contains { $0.matches(o.labels) } }
    }
}

/// The policy changes of network edges, from one reachability graph built when first asked.
final class NetworkChanges {
    private let reach: Reachability
    private lazy var graph = ReachabilityGraph(reach)
    private lazy var explainer = Explainer(cluster: reach.cluster, options: reach.options)

    init(_ reach: Reachability) { self.reach = reach }

    func change(_ from: AttackVertex, _ target: WorkloadRef, _ edge: AttackEdge) -> AttackChange {
        let g = graph
        guard let b = g.node(.workload(target)) else { return AttackChange("isolate \(target) for ingress", at: edge.source) }
        let a: Int?
        if case .workload(let w) = from {
            a = g.node(.workload(w))
        } else {
            a = g.incoming[b].map(\.to).first { g.isExternal($0) && !g.isClusterAddress($0) }
        }
        guard let a else { return AttackChange("isolate \(target) for ingress", at: edge.source) }
        let r = g.removal(a, b, reach, explainer)
        return AttackChange(r.change, at: r.rules.first ?? edge.source)
    }
}
