import KubeReachCore

/// Operators create pods from custom objects (a `Prometheus` becomes a StatefulSet only in
/// the cluster): the loader skips those kinds, so a policy or peer written for their pods
/// selects nothing here. Said once per selector, as a note: the input lacks the pods.
struct PodsFromSkippedKinds: LintRule {
    let id = "pods-from-skipped-kinds"
    let severity = Diagnostic.Severity.note
    let summary = "A selector that matches no pod names the pods of a custom kind the loader skipped (an operator creates them)"
    let hint =
        "add the pods the operator creates (e.g. `kubectl get pods -o yaml` output, or the StatefulSet it generates) to the input to check this policy"

    /// Label keys (besides the kind's own name) that operators put on the pods of a kind.
    static let operatorLabels: [String: [String]] = [
        "Prometheus": ["prometheus", "app.kubernetes.io/name=prometheus", "operator.prometheus.io/name"],
        "PrometheusAgent": ["app.kubernetes.io/name=prometheus-agent", "operator.prometheus.io/name"],
        "Alertmanager": ["alertmanager", "app.kubernetes.io/name=alertmanager"],
        "ThanosRuler": ["thanos-ruler", "app.kubernetes.io/name=thanos-ruler"],
        "Kafka": ["strimzi.io/cluster", "strimzi.io/kind=Kafka"],
        "Elasticsearch": ["elasticsearch.k8s.elastic.co/cluster-name"],
        "Kibana": ["kibana.k8s.elastic.co/name"],
        "postgresql": ["cluster-name", "application=spilo"],
        "Cluster": ["cnpg.io/cluster"],
        "RabbitmqCluster": ["app.kubernetes.io/component=rabbitmq"],
    ]

    /// Kubernetes' own kinds that the loader skips: they create no pods (workloads are read).
    static let builtIn: Set<String> = [
        "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "Ingress", "IngressClass",
        "PersistentVolume", "PersistentVolumeClaim", "StorageClass", "CustomResourceDefinition", "Endpoints", "EndpointSlice",
        "HorizontalPodAutoscaler", "PodDisruptionBudget", "LimitRange", "ResourceQuota", "PriorityClass", "Lease", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Event", "CSIDriver", "RuntimeClass",
    ]

    static let prometheus = "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: shop}\n---\n"

    var triggering: [String] {
        [
            Self.prometheus + Example.pod("web")
                + Example.policy(
                    "prometheus-k8s", "  podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}\n  policyTypes: [Ingress]"),
            Self.prometheus + Example.pod("web")
                + Example.policy(
                    "scrape",
                    "  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {prometheus: k8s}}}]\n    ports: [{port: 9090}]"),
        ]
    }
    var nonTriggering: [String] {
        [
            // The pods are in the input (a dump of the cluster): nothing is missing.
            Self.prometheus + Example.pod("prometheus-k8s-0", labels: "{app.kubernetes.io/name: prometheus}")
                + Example.policy(
                    "prometheus-k8s", "  podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}\n  policyTypes: [Ingress]"),
            // No such kind was skipped: a plain typo, for policy-selects-nothing.
            Example.pod("web")
                + Example.policy("p", "  podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}\n  policyTypes: [Ingress]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let kinds = context.skippedKinds.keys.filter { !$0.contains(" ") && !Self.builtIn.contains($0) }.sorted()
        if kinds.isEmpty { return [] }
        var out: [LintFinding] = []
        for policy in context.cluster.policies where context.pods(in: policy.namespace, selectedBy: policy.podSelector).isEmpty {
            if let kind = Self.creator(of: policy.podSelector, among: kinds) {
                out.append(finding(message(kind, context), policy: policy, field: "spec.podSelector"))
            }
        }
        for site in context.peerSites {
            guard case .selector(let pods?, _) = site.peer,
                !context.cluster.pods.indices.contains(where: {
                    context.explainer.matches(site.peer, policyNamespace: site.policy.namespace, .pod($0))
                }),
                let kind = Self.creator(of: pods, among: kinds)
            else { continue }
            out.append(finding(message(kind, context), policy: site.policy, field: site.path, at: site.rule.location))
        }
        return out
    }

    private func message(_ kind: String, _ context: LintContext) -> String {
        "selects no pod, probably the pods of the \(context.skippedKinds[kind] ?? 0) \(kind) object(s) the loader skipped (an operator creates them in the cluster)"
    }

    /// The skipped kind whose pods the selector names: a label key or value that is the
    /// kind's name (`prometheus: k8s`, `app: alertmanager`, `thanos-ruler`), or a label its
    /// operator sets.
    static func creator(of selector: LabelSelector, among kinds: [String]) -> String? {
        let pairs =
            selector.matchLabels.map { ($0.key, [$0.value]) } + selector.matchExpressions.map { ($0.key, $0.values) }
        return kinds.first { kind in
            let names = [kind.lowercased(), kebab(kind)]
            let known = operatorLabels[kind] ?? []
            return pairs.contains { key, values in
                let short = key.split(separator: "/").last.map { String($0).lowercased() } ?? ""
                return names.contains(short) || values.contains { names.contains($0.lowercased()) } || known.contains(key)
                    || values.contains { known.contains("\(key)=\($0)") }
            }
        }
    }

    /// `ThanosRuler` → `thanos-ruler`
    static func kebab(_ kind: String) -> String {
        var out = ""
        for c in kind {
            if c.isUppercase && !out.isEmpty { out += "-" }
            out += c.lowercased()
        }
        return out
    }
}
