import KubeReachCore

/// A Pod object before workload folding.
struct RawPod: Sendable {
    var header: ObjectHeader
    var ips: [IPAddress]
    var ports: [ContainerPort]
    var hostNetwork: Bool
    var security: PodSecurity
    /// `spec.nodeName` and `spec.serviceAccountName` (Cilium's `host` and identities).
    var placement = PodPlacement()
}

/// A workload object (Deployment, ...) before folding: its template's pod facts.
struct RawWorkload: Sendable {
    var header: ObjectHeader
    var templateLabels: [String: String]
    var ports: [ContainerPort]
    var hostNetwork: Bool
    var security: PodSecurity
    /// How many pods the workload stands for when no loaded Pod does (`WorkloadReplicas`).
    var podCount: Int = 1
    /// The template's service account (its pods are not placed yet).
    var placement = PodPlacement()
}

/// Decoding of Pods and workload objects.
enum WorkloadDecoder {
    static func pod(_ root: Field, header: ObjectHeader) -> RawPod {
        let spec = root.child("spec"), status = root.child("status")
        var ips: [IPAddress] = []
        func add(_ f: Field) {
            guard let text = f.string(), !text.isEmpty else { return }
            guard let ip = IPAddress(text) else { return f.sink.error("invalid IP address '\(text)'", at: f) }
            if !ips.contains(ip) { ips.append(ip) }
        }
        add(status.child("podIP"))
        for entry in status.child("podIPs").sequence() ?? [] { add(entry.child("ip")) }
        let annotations = root.child("metadata").child("annotations").stringMap() ?? [:]
        return RawPod(
            header: header, ips: ips, ports: PodSpecDecoder.ports(spec), hostNetwork: PodSpecDecoder.hostNetwork(spec),
            security: PodSecurityDecoder.read(spec, annotations: annotations), placement: PodPlacement(spec))
    }

    static func workload(_ root: Field, header: ObjectHeader) -> RawWorkload {
        var template = root.child("spec").child("template")
        if header.kind == "CronJob" { template = root.child("spec").child("jobTemplate").child("spec").child("template") }
        let spec = template.child("spec")
        return RawWorkload(
            header: header, templateLabels: template.child("metadata").child("labels").labelMap() ?? [:],
            ports: PodSpecDecoder.ports(spec), hostNetwork: PodSpecDecoder.hostNetwork(spec),
            security: PodSecurityDecoder.read(spec, annotations: template.child("metadata").child("annotations").stringMap() ?? [:]),
            podCount: WorkloadReplicas.podCount(root, kind: header.kind), placement: PodPlacement(spec))
    }
}

/// Folds pods into the workloads they are shown as, and makes one template pod for each
/// top-level workload that no loaded Pod stands for.
enum WorkloadFolder {
    static func pods(from rawPods: [RawPod], workloads: [RawWorkload]) -> [Pod] {
        var byKey: [String: RawWorkload] = [:]
        for w in workloads { byKey[key(w.header.namespace, w.header.kind, w.header.name)] = w }

        /// Walks up controller references while the owner object is loaded.
        func top(_ ns: String, _ kind: String, _ name: String) -> WorkloadRef {
            var current = (kind: kind, name: name)
            var seen: Set<String> = []
            while let w = byKey[key(ns, current.kind, current.name)], let owner = w.header.controller,
                let ownerKind = owner.kind, byKey[key(ns, ownerKind, owner.name)] != nil,
                seen.insert(key(ns, current.kind, current.name)).inserted
            {
                current = (ownerKind, owner.name)
            }
            return WorkloadRef(namespace: ns, name: current.name, kind: current.kind)
        }

        var out: [Pod] = []
        var represented: Set<WorkloadRef> = []
        for raw in rawPods {
            let h = raw.header
            var workload = WorkloadRef(namespace: h.namespace, name: h.name, kind: "Pod")
            // A mirror pod's controller is its Node, which is not a workload.
            if let owner = h.controller, owner.kind != "Node" {
                workload =
                    owner.kind.map { top(h.namespace, $0, owner.name) }
                    ?? WorkloadRef(namespace: h.namespace, name: owner.name, kind: "Pod")
            }
            represented.insert(workload)
            var pod = Pod(
                namespace: h.namespace, name: h.name, labels: h.labels, ips: raw.ips, ports: raw.ports,
                hostNetwork: raw.hostNetwork, workload: workload, location: h.location, security: raw.security)
            raw.placement.apply(to: &pod)
            out.append(pod)
        }
        for w in workloads {
            let h = w.header
            if let owner = h.controller, let kind = owner.kind, byKey[key(h.namespace, kind, owner.name)] != nil { continue }
            let ref = WorkloadRef(namespace: h.namespace, name: h.name, kind: h.kind)
            if represented.contains(ref) { continue }
            for name in WorkloadReplicas.podNames(h.name, count: w.podCount) {
                var pod = Pod(
                    namespace: h.namespace, name: name, labels: w.templateLabels, ports: w.ports,
                    hostNetwork: w.hostNetwork, workload: ref, location: h.location, security: w.security)
                w.placement.apply(to: &pod)
                out.append(pod)
            }
        }
        return out
    }

    private static func key(_ ns: String, _ kind: String, _ name: String) -> String { "\(ns)\u{0}\(kind)\u{0}\(name)" }
}
