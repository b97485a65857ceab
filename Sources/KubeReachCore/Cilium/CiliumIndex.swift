/// What a `Reachability` keeps of Cilium's compilation to explain one pair: the compiled
/// rule sets, the column classes, and per identity and direction the rule sets in play.
struct CiliumIndex: Sendable {
    var compiled: [CompiledCiliumSpec]
    var columns: CiliumColumns
    var ingress: [[Int]]
    var egress: [[Int]]
    var facts: CiliumFacts

    func specs(_ d: PolicyDirection, identity: Int) -> [Int] { d == .ingress ? ingress[identity] : egress[identity] }
}

extension ReachabilityBuilder {
    /// The Cilium index for explanations, nil without Cilium.
    var ciliumIndex: CiliumIndex? {
        ciliumColumns.map {
            CiliumIndex(compiled: ciliumCompiled, columns: $0, ingress: ingressCilium, egress: egressCilium, facts: cluster.cilium)
        }
    }
}
