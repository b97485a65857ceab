import KubeReachCore

/// Verifies a default-deny plan by simulation before anything is written: the plan's
/// policies alone (the input's own NetworkPolicies and admin policies removed, the most
/// permissive view of the set)
/// must leave, for every covered namespace, nothing but DNS to the DNS pods and, when
/// asked, traffic inside the namespace.
public enum DefaultDenyCheck {
    /// One workload-level pair that allows more than expected.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var source: Endpoint
        public var destination: Endpoint
        public var unexpected: ConnectionSet

        public var description: String { "\(source) => \(destination) : \(unexpected.description) not expected" }
    }

    /// Every pair touching a covered namespace that allows more than expected; empty when
    /// the plan does what it says.
    ///
    /// hostNetwork pods are exempt when policies bypass them (no policy can isolate them).
    public static func violations(of plan: DefaultDenyPlan, in cluster: Cluster, options: EvaluationOptions) -> [Violation] {
        let reach = Reachability(cluster: cluster.alone(with: plan.policies.map(\.policy)), options: options)
        let profiles = Profiles(reach, plan: plan)
        var out: [Violation] = []
        for e in reach.edges(level: .workload) {
            let s = profiles.byName[e.source], d = profiles.byName[e.destination]
            let extra = e.connections.subtracting(expected(s, d, plan.options))
            if !extra.isEmpty { out.append(Violation(source: e.source, destination: e.destination, unexpected: extra)) }
        }
        return out
    }

    /// What the plan should leave from S to D (nil: an external range).
    static func expected(_ s: Profile?, _ d: Profile?, _ o: DefaultDenyOptions) -> ConnectionSet {
        let sameNamespace = o.allowSameNamespace && s != nil && s?.namespace == d?.namespace
        var egress = ConnectionSet.all
        if let s, s.isolated {
            egress = sameNamespace ? .all : (o.allowDNS && d?.isDNS == true) ? dnsPorts : .none
        }
        var ingress = ConnectionSet.all
        if let d, d.isolated { ingress = sameNamespace ? .all : .none }
        return egress.intersection(ingress)
    }

    static let dnsPorts = ConnectionSet(tcp: PortSet(port: 53), udp: PortSet(port: 53))

    /// What the check needs to know of a workload (the union over its pods).
    struct Profile {
        var namespace: String
        /// Covered and isolatable (every pod): the plan must constrain it.
        var isolated = true
        var isDNS = false
    }

    struct Profiles {
        var byName: [Endpoint: Profile] = [:]

        init(_ reach: Reachability, plan: DefaultDenyPlan) {
            let covered = Set(plan.covered)
            let dns = Set(plan.dnsPods(in: reach.cluster))
            for (i, pod) in reach.cluster.pods.enumerated() {
                let name = reach.endpoint(ofPod: i, level: .workload)
                var p = byName[name] ?? Profile(namespace: pod.namespace)
                // A workload edge is the union over its pods: one pod that bypasses policy
                // (hostNetwork) makes the whole workload unconstrained.
                let bypass = pod.hostNetwork && reach.options.hostNetwork == .bypass
                p.isolated = p.isolated && covered.contains(pod.namespace) && !bypass
                p.isDNS = p.isDNS || dns.contains(i)
                byName[name] = p
            }
        }
    }
}
