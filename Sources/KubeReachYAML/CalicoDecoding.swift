import KubeReachCore

/// Dispatches a Calico object to its decoder. Policies are evaluated by the Calico engine;
/// what it leaves out is reported by `CalicoLoadNotes`.
enum CalicoDecoding {
    static func read(_ root: Field, header: ObjectHeader, into outcome: inout ObjectOutcome) {
        switch header.kind {
        case "Tier": outcome.decoded = .calicoTier(CalicoTierDecoder.tier(root, header: header))
        case "NetworkSet", "GlobalNetworkSet": outcome.decoded = .calicoNetworkSet(CalicoTierDecoder.networkSet(root, header: header))
        default:
            outcome.decoded = .calicoPolicy(CalicoPolicyDecoder.read(root, header: header))
        }
    }
}
