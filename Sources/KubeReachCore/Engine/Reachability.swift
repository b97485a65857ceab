import BitCollections

/// The allowed connections between every pair of endpoints of a cluster, computed once
/// per pod identity (not per pod) from compiled policies.
///
/// Connections from S to D are the intersection of S's egress row at D and D's ingress
/// row at S (Docs/semantics.md §3). A row is shared by every identity with the same
/// applying policies, and stored as runs of equal cells (`CompactRow`), so the cost
/// follows distinct identities and what the rules tell apart, not pods² nor identities².
public struct Reachability: Sendable {
    /// The cluster evaluated; only `splitWorkloadVariants` changes it (pods' workload names).
    public internal(set) var cluster: Cluster
    public let options: EvaluationOptions
    let identities: IdentityTable
    let sourceAtoms: AddressAtoms
    let destinationAtoms: AddressAtoms
    let compiled: [CompiledPolicy]
    /// Compiled policy indices selecting each identity, per direction.
    let ingressPolicies: [[Int]]
    let egressPolicies: [[Int]]
    /// Row index per identity, or -1 when the identity is not isolated in that direction.
    var ingressRowOfIdentity: [Int32]
    var egressRowOfIdentity: [Int32]
    /// Egress rows (by destination column) and ingress rows (by source column) as runs,
    /// numbered per direction.
    let egressRows: [CompactRow]
    let ingressRows: [CompactRow]
    let table: ConnectionTable
    /// What each identity's rows are made of, to rebuild a few without one policy or rule.
    let recipes: [[RowRecipe?]]
    let rowMaker: RowMaker?
    /// Cilium's compiled rule sets and column classes, for per-pair decisions (nil without Cilium).
    let cilium: CiliumIndex?
    /// Calico's compiled policies and tiers, for per-pair decisions (nil without Calico).
    let calicoIndex: CalicoIndex?

    /// External source ranges (cut at every ingress ipBlock boundary), sorted and disjoint.
    public var externalSources: [IPRange] { sourceAtoms.atoms }
    /// External destination ranges (cut at every egress ipBlock boundary).
    public var externalDestinations: [IPRange] { destinationAtoms.atoms }

    /// The pod and service CIDRs: the options' and the loaded Nodes' `spec.podCIDRs`. Every
    /// external range is wholly inside or outside them.
    public var clusterNetworks: ClusterNetworks { options.clusterNetworks.adding(nodesOf: cluster) }
    var sourceBase: Int { identities.count }
    var destinationBase: Int { identities.count + sourceAtoms.atoms.count }

    /// - Complexity: O(identities × (rows + rules)) plus the selector index build.
    public init(cluster input: Cluster, options: EvaluationOptions = .init()) {
        var builder = ReachabilityBuilder(cluster: input, options: options)
        builder.build()
        cluster = builder.cluster
        self.options = options
        identities = builder.identities
        sourceAtoms = builder.sourceAtoms
        destinationAtoms = builder.destinationAtoms
        compiled = builder.compiled
        ingressPolicies = builder.ingressPolicies
        egressPolicies = builder.egressPolicies
        ingressRowOfIdentity = builder.ingressRowOfIdentity
        egressRowOfIdentity = builder.egressRowOfIdentity
        egressRows = builder.egressRows
        ingressRows = builder.ingressRows
        table = builder.table
        recipes = builder.recipes
        rowMaker = builder.rowMaker
        cilium = builder.ciliumIndex
        calicoIndex = builder.calicoIndex
    }

    // MARK: queries

    /// Connections from one pod to another (indices into `cluster.pods`); a pod to itself
    /// is always allowed.
    public func connections(fromPod: Int, toPod: Int) -> ConnectionSet {
        if fromPod == toPod { return .all }
        let s = identities.identityOfPod[fromPod], d = identities.identityOfPod[toPod]
        return connections(fromIdentity: s, toIdentity: d)
    }

    /// Connections from a pod to an external destination range (index into `externalDestinations`).
    public func connections(fromPod: Int, toExternal: Int) -> ConnectionSet {
        table[egressID(from: identities.identityOfPod[fromPod], column: destinationBase + toExternal)]
    }

    /// Connections from an external source range (index into `externalSources`) to a pod.
    public func connections(fromExternal: Int, toPod: Int) -> ConnectionSet {
        table[ingressID(to: identities.identityOfPod[toPod], column: sourceBase + fromExternal)]
    }

    /// The index of the external source range holding `address`.
    public func externalSourceIndex(of address: IPAddress) -> Int? { sourceAtoms.index(of: address) }

    /// The index of the external destination range holding `address`.
    public func externalDestinationIndex(of address: IPAddress) -> Int? { destinationAtoms.index(of: address) }

    func connections(fromIdentity s: Int, toIdentity d: Int) -> ConnectionSet {
        let e = egressID(from: s, column: d), i = ingressID(to: d, column: s)
        if e == ConnectionTable.all { return table[i] }
        if i == ConnectionTable.all { return table[e] }
        return table[e].intersection(table[i])
    }

    func egressID(from identity: Int, column: Int) -> UInt32 {
        let row = egressRowOfIdentity[identity]
        return row < 0 ? ConnectionTable.all : egressRows[Int(row)][column]
    }

    func ingressID(to identity: Int, column: Int) -> UInt32 {
        let row = ingressRowOfIdentity[identity]
        return row < 0 ? ConnectionTable.all : ingressRows[Int(row)][column]
    }

    /// Whether some policy isolates the pod in the direction (hostNetwork pods are not,
    /// unless the options apply policies to them).
    public func isIsolated(pod: Int, _ direction: PolicyDirection) -> Bool {
        let id = identities.identityOfPod[pod]
        return (direction == .ingress ? ingressRowOfIdentity[id] : egressRowOfIdentity[id]) >= 0
    }

    /// The policies (indices into `cluster.policies`) that select the pod and affect the direction.
    public func policiesSelecting(pod: Int, _ direction: PolicyDirection) -> [Int] {
        let id = identities.identityOfPod[pod]
        return (direction == .ingress ? ingressPolicies[id] : egressPolicies[id]).map { compiled[$0].policyIndex }
    }
}

extension Reachability {
    /// Distinct pod identities (for benchmark reports).
    public var identityCountForReport: Int { identities.count }
    /// Distinct ingress/egress rows (for benchmark reports).
    public var rowCountForReport: Int { egressRows.count + ingressRows.count }
    /// Runs stored over all rows (for benchmark reports: what the rows cost).
    public var runCountForReport: Int { (egressRows + ingressRows).reduce(0) { $0 + $1.runCount } }
}
