/// A seeded cluster dump shaped like `kubectl get namespaces,deployments,replicasets,pods,
/// networkpolicies -A -o json`: one `List` whose objects carry what real ones carry
/// (managedFields, status with conditions and containerStatuses, ownerReferences, env,
/// probes, resources, annotations), 5–15 KB per pod, so that loading is measured on
/// the bytes users feed it rather than on trimmed manifests.
public struct RealisticObjects: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case json, yaml
    }

    public let size: SyntheticCluster.Size
    public let seed: UInt64

    public init(size: SyntheticCluster.Size, seed: UInt64 = 1) {
        self.size = size
        self.seed = seed
    }

    static let tiers = SyntheticCluster.tiers
    static let teams = SyntheticCluster.teams
    static let envs = SyntheticCluster.envs

    /// One application: a Deployment (or a bare pod when `replicas` is 0).
    struct App {
        var index: Int, namespace: String, tier: String
        /// Pods of its Deployment (0: one bare pod); the ReplicaSet's hash; its first pod's index.
        var replicas: Int, hash: String, firstPod: Int
    }

    /// Writes the whole List, handing text to `emit` one object at a time (a dump of
    /// 150,000 pods is never one string).
    public func write(_ format: Format, emit: (String) -> Void) {
        var rng = SplitMix64(seed: seed)
        let apps = plan(&rng)
        var first = true
        func put(_ object: ObjectValue) {
            var out = ""
            switch format {
            case .json:
                out += first ? "" : ",\n"
                out += "        "
                object.writeJSON(indent: 8, into: &out)
            case .yaml:
                object.writeYAML(indent: 2, into: &out)
                out.replaceSubrange(out.startIndex..<out.index(out.startIndex, offsetBy: 2), with: "- ")
            }
            first = false
            emit(out)
        }
        emit(format == .json ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" : "apiVersion: v1\nitems:\n")
        var builder = RealisticBuilder(rng: rng)
        for n in 0..<size.namespaces { put(builder.namespace("ns\(n)", index: n)) }
        put(builder.namespace("kube-system", index: size.namespaces))
        for app in apps where app.replicas > 0 { put(builder.deployment(app)) }
        for app in apps where app.replicas > 0 { put(builder.replicaSet(app)) }
        for app in apps {
            for r in 0..<max(app.replicas, 1) { put(builder.pod(app, replica: r)) }
        }
        for p in 0..<size.policies { put(builder.policy(index: p, namespaces: size.namespaces, apps: apps.count)) }
        emit(
            format == .json
                ? "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
                : "kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    }

    /// The whole List as one string (tests and small sizes).
    public func text(_ format: Format) -> String {
        var out = ""
        write(format) { out += $0 }
        return out
    }

    /// Applications and their pod counts: 70% Deployments of 1–4 replicas, the rest bare pods.
    private func plan(_ rng: inout SplitMix64) -> [App] {
        var apps: [App] = []
        var pod = 0
        while pod < size.pods {
            let replicas = rng.chance(0.3) ? 0 : min(size.pods - pod, 1 + rng.below(4))
            let app = App(
                index: apps.count, namespace: "ns\(apps.count % size.namespaces)", tier: rng.pick(Self.tiers),
                replicas: replicas, hash: String(rng.next() % 0xFF_FFFF + 0x10_0000, radix: 16), firstPod: pod)
            apps.append(app)
            pod += max(replicas, 1)
        }
        return apps
    }
}
