import KubeReachCore

/// Where a pod runs and as whom: `spec.nodeName` and `spec.serviceAccountName` (or the
/// older `serviceAccount`). Cilium's `host`/`remote-node` and identities need them.
struct PodPlacement: Sendable {
    var nodeName: String?
    var serviceAccount: String?

    init() {}

    init(_ spec: Field) {
        nodeName = spec.child("nodeName").string().flatMap { $0.isEmpty ? nil : $0 }
        let account = spec.child("serviceAccountName").string() ?? spec.child("serviceAccount").string()
        serviceAccount = account.flatMap { $0.isEmpty ? nil : $0 }
    }

    func apply(to pod: inout Pod) {
        pod.nodeName = nodeName
        pod.serviceAccount = serviceAccount
    }
}
