import KubeReachCore

/// The policies that allow exactly a set of workload-level intents in the covered
/// namespaces: per namespace the `default-deny` and DNS egress of `generate default-deny`,
/// then one `allow-ingress-<workload>` per destination and one `allow-egress-<workload>`
/// per source. A pure value; `LeastPrivilegeCheck` verifies it by simulation.
public struct LeastPrivilegePlan: Sendable {
    /// Coverage, deny-all and DNS policies, exactly as `generate default-deny` makes them.
    public let base: DefaultDenyPlan
    public let evaluation: EvaluationOptions
    /// Merged intents (one per ordered pair).
    public let intents: [Intent]
    /// Intents no generated policy needs to carry, with the reason (shown as notes).
    public let unserved: [(intent: Intent, reason: String)]
    /// Workloads of covered namespaces that policies cannot isolate (hostNetwork pods).
    public let exempt: [WorkloadRef]
    /// Selector of a policy-holding workload → other workloads it selects too.
    public let supersets: [WorkloadRef: [WorkloadRef]]
    public let selectors: StableSelectors
    /// By namespace: deny-all, DNS, then the allow policies by name.
    public let policies: [GeneratedPolicy]

    public var covered: [String] { base.covered }
    /// `covered` and `exempt` as sets, for `holds` (asked once per pair and class).
    private let coveredSet: Set<String>
    private let exemptSet: Set<WorkloadRef>

    /// `current` (`--keep-current`): the intents restate the current policies
    /// (`CurrentIntents.intents`, merged as they come); each side's
    /// policy then restates that side's half where both ends hold policies, and peers are
    /// folded into namespaces or everything where that allows exactly the same
    /// (`PeerCompaction`). Nil: one peer per intent, both sides the intent.
    ///
    /// `intents` is taken over (`consuming`): a caller that passes its last use (`consume`)
    /// has the intents it does not serve removed in place, not copied.
    public init(
        cluster: Cluster, intents: consuming [Intent], options: DefaultDenyOptions, evaluation: EvaluationOptions,
        current: CurrentRows? = nil
    ) {
        var deny = options
        deny.allowSameNamespace = false
        base = DefaultDenyPlan(cluster: cluster, options: deny)
        self.evaluation = evaluation
        let selectors = StableSelectors(cluster: cluster)
        self.selectors = selectors
        let covered = Set(base.covered)
        let exempt = selectors.pods.filter { w, members in
            covered.contains(w.namespace) && evaluation.hostNetwork == .bypass && members.contains { cluster.pods[$0].hostNetwork }
        }.keys.sorted()
        self.exempt = exempt
        let exemptSet = Set(exempt)
        coveredSet = covered
        self.exemptSet = exemptSet
        let holds = { (e: IntentEndpoint) -> Bool in
            guard let w = e.workload else { return false }
            return covered.contains(w.namespace) && !exemptSet.contains(w)
        }
        // `CurrentIntents.intents` come merged already (one per pair, sorted).
        var served: [Intent]
        if current == nil { served = Intent.merged(intents) } else { served = consume intents }
        var unserved: [(Intent, String)] = [], kept = 0
        // The served ones moved to the front in place (the current intents are pair-sized).
        for k in served.indices {
            let i = served[k]
            // A workload to itself is traffic between its replicas: served like any pair.
            if i.source.workload == nil && i.destination.workload == nil {
                unserved.append((i, "both ends are external; NetworkPolicy cannot express it"))
            } else if !holds(i.source) && !holds(i.destination) {
                unserved.append((i, "neither end is a covered workload that policies can isolate; it stays allowed"))
            } else {
                if kept != k { served[kept] = i }
                kept += 1
            }
        }
        served.removeLast(served.count - kept)
        self.intents = served
        self.unserved = unserved
        var builder = AllowPolicyBuilder(
            cluster: cluster, selectors: selectors, base: base, evaluation: evaluation,
            families: current?.families)
        let allow = builder.policies(for: served, halves: current, holds: holds)
        supersets = builder.supersets
        let basePolicies = base.policies
        policies = base.covered.flatMap { ns in
            basePolicies.filter { $0.policy.namespace == ns }
                + allow.filter { $0.policy.namespace == ns }.sorted { $0.policy.name < $1.policy.name }
        }
    }

    /// Whether the plan generates policies for the workload (covered, isolatable).
    public func holds(_ w: WorkloadRef) -> Bool { coveredSet.contains(w.namespace) && !exemptSet.contains(w) }

    /// Existing policies that a generated one would replace on `kubectl apply`.
    public func replaced(in cluster: Cluster) -> [String] {
        let names = Set(policies.map(\.policy.qualifiedName))
        return cluster.policies.map(\.qualifiedName).filter(names.contains).sorted()
    }

    /// The cluster the check simulates: the input's pods with only the generated policies
    /// (the input's own policies and admin policies removed, the most permissive view).
    public func alone(on cluster: Cluster) -> Cluster { cluster.alone(with: policies.map(\.policy)) }
}
