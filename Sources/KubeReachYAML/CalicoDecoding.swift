import KubeReachCore

/// Dispatches a Calico object to its decoder. Calico policies are loaded and validated;
/// until the Calico engine evaluates them they stay counted as unevaluated, so every answer
/// still says it may be incomplete.
enum CalicoDecoding {
    static func read(_ root: Field, header: ObjectHeader, into outcome: inout ObjectOutcome) {
        switch header.kind {
        case "Tier": outcome.decoded = .calicoTier(CalicoTierDecoder.tier(root, header: header))
        case "NetworkSet", "GlobalNetworkSet": outcome.decoded = .calicoNetworkSet(CalicoTierDecoder.networkSet(root, header: header))
        default:
            outcome.decoded = .calicoPolicy(CalicoPolicyDecoder.read(root, header: header))
            outcome.unevaluatedKind = KindTable.unevaluatedPolicyKind(kind: header.kind, apiVersion: header.apiVersion)
        }
    }
}
