import KubeReachCore

/// The RESOURCE argument of `can-i` and `who-can`: `pods`, `pods/log`,
/// `deployments.apps`, `deployments.apps/scale`, `*.*` (every resource of every group), or a
/// non-resource URL (`/healthz`). A name without a group is looked up among the built-in
/// resources (`deployments` → `apps`); an unknown one is taken as core and said so.
public enum ResourceReference {
    public struct Parsed: Sendable {
        public var target: AccessRequest.Target
        /// The resource is cluster-scoped: a namespace does not apply.
        public var clusterScoped: Bool
        /// Set when the group had to be assumed.
        public var note: String?
    }

    public static func parse(_ text: String) throws(RBACReferenceError) -> Parsed {
        if text.hasPrefix("/") { return Parsed(target: .nonResource(path: text), clusterScoped: true, note: nil) }
        let slash = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let qualified = String(slash[0])
        let sub = slash.count > 1 ? String(slash[1]) : ""
        guard !qualified.isEmpty, slash.count == 1 || !sub.isEmpty, !sub.contains("/") else {
            throw RBACReferenceError("a resource is RESOURCE[.GROUP][/SUBRESOURCE] or a /url, not '\(text)'")
        }
        let dot = qualified.firstIndex(of: ".")
        let resource = dot.map { String(qualified[..<$0]) } ?? qualified
        guard !resource.isEmpty, resource == resource.lowercased() else {
            throw RBACReferenceError("resources are lower-case plurals (pods, deployments.apps), not '\(qualified)'")
        }
        var note: String? = nil
        let group: String
        if let dot {
            group = String(qualified[qualified.index(after: dot)...])
        } else if let known = BuiltinResources.group[resource] {
            group = known
        } else {
            group = ""
            if resource != "*" { note = "'\(resource)' is not a built-in resource: taken as core group; write RESOURCE.GROUP otherwise" }
        }
        let target = AccessRequest.Target.resource(group: group == "core" ? "" : group, resource: resource, subresource: sub)
        return Parsed(target: target, clusterScoped: BuiltinResources.clusterScoped.contains(resource), note: note)
    }
}

/// Built-in resources by the API group that serves them, and which are cluster-scoped.
enum BuiltinResources {
    static let group: [String: String] = {
        var out: [String: String] = [:]
        let table: [String: [String]] = [
            "": [
                "pods", "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "namespaces", "nodes", "persistentvolumes",
                "persistentvolumeclaims", "events", "limitranges", "resourcequotas", "replicationcontrollers", "podtemplates",
                "componentstatuses", "bindings",
            ],
            "apps": ["deployments", "replicasets", "statefulsets", "daemonsets", "controllerrevisions"],
            "batch": ["jobs", "cronjobs"],
            "rbac.authorization.k8s.io": ["roles", "rolebindings", "clusterroles", "clusterrolebindings"],
            "networking.k8s.io": ["networkpolicies", "ingresses", "ingressclasses", "ipaddresses", "servicecidrs"],
            "policy": ["poddisruptionbudgets"],
            "autoscaling": ["horizontalpodautoscalers"],
            "storage.k8s.io": ["storageclasses", "csidrivers", "csinodes", "volumeattachments", "csistoragecapacities"],
            "certificates.k8s.io": ["certificatesigningrequests"],
            "coordination.k8s.io": ["leases"],
            "discovery.k8s.io": ["endpointslices"],
            "apiextensions.k8s.io": ["customresourcedefinitions"],
            "admissionregistration.k8s.io": [
                "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies",
                "validatingadmissionpolicybindings",
            ],
            "authentication.k8s.io": ["tokenreviews", "selfsubjectreviews"],
            "authorization.k8s.io": [
                "subjectaccessreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews", "localsubjectaccessreviews",
            ],
            "scheduling.k8s.io": ["priorityclasses"],
            "node.k8s.io": ["runtimeclasses"],
            "apiregistration.k8s.io": ["apiservices"],
            "flowcontrol.apiserver.k8s.io": ["flowschemas", "prioritylevelconfigurations"],
            "policy.networking.k8s.io": ["adminnetworkpolicies", "baselineadminnetworkpolicies"],
        ]
        for (g, names) in table { for n in names { out[n] = g } }
        return out
    }()

    static let clusterScoped: Set<String> = [
        "namespaces", "nodes", "persistentvolumes", "componentstatuses", "clusterroles", "clusterrolebindings", "ingressclasses",
        "ipaddresses", "servicecidrs", "storageclasses", "csidrivers", "csinodes", "volumeattachments", "certificatesigningrequests",
        "customresourcedefinitions", "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies",
        "validatingadmissionpolicybindings", "tokenreviews", "selfsubjectreviews", "subjectaccessreviews", "selfsubjectaccessreviews",
        "selfsubjectrulesreviews", "priorityclasses", "runtimeclasses", "apiservices", "flowschemas", "prioritylevelconfigurations",
        "adminnetworkpolicies", "baselineadminnetworkpolicies",
    ]
}
