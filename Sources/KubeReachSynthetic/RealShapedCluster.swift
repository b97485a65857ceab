/// Seeded clusters shaped like the public manifests users run kubereach on (kube-prometheus,
/// Argo CD HA, Online Boutique, Sock Shop, Bookinfo, plain team namespaces), copied per
/// tenant: workload objects with `replicas` instead of pods, vendor-style per-app policies
/// (`egress: [{}]`, `namespaceSelector: {}` peers, `ingress: [{}]`, open ports, a peer
/// selecting a namespace label nobody sets), and many namespaces without any policy.
/// About 0.8 policies per workload (the 16-tenant set of issue 14 had 650 / 552).
public struct RealShapedCluster: Sendable {
    public let workloads: Int
    public let seed: UInt64

    public init(workloads: Int, seed: UInt64 = 1) {
        self.workloads = max(1, workloads)
        self.seed = seed
    }

    struct Component: Sendable {
        var name: String
        var kind = "Deployment"
        var ports: [Int]
        var clients: [String] = []
        /// Ingress rule kinds beyond `clients`: open to everything, open on the ports, or a
        /// metrics port open to every namespace.
        var open = false, openPorts = false, metricsFromEverywhere: Int? = nil
        var hostNetwork = false
    }

    struct Stack: Sendable {
        var name: String
        /// The pod labels of a component, as a YAML flow mapping's content.
        var labels: @Sendable (String) -> String
        var selector: @Sendable (String) -> String
        var components: [Component]
        var policies: Bool
        var defaultDeny = false
        var egressAll = true
    }

    static let stacks: [Stack] = [
        Stack(
            name: "monitoring",
            labels: {
                "app.kubernetes.io/component: \($0), app.kubernetes.io/name: \($0), app.kubernetes.io/part-of: kube-prometheus, app.kubernetes.io/version: 2.45.0"
            },
            selector: { "app.kubernetes.io/component: \($0), app.kubernetes.io/name: \($0), app.kubernetes.io/part-of: kube-prometheus" },
            components: [
                Component(
                    name: "prometheus", kind: "StatefulSet", ports: [9090, 8080], clients: ["prometheus", "grafana", "prometheus-adapter"]),
                Component(name: "alertmanager", kind: "StatefulSet", ports: [9093, 8080], clients: ["prometheus", "alertmanager"]),
                Component(name: "grafana", ports: [3000], clients: ["prometheus"]),
                Component(name: "kube-state-metrics", ports: [8443, 9443], clients: ["prometheus"]),
                Component(name: "node-exporter", kind: "DaemonSet", ports: [9100], clients: ["prometheus"], hostNetwork: true),
                Component(name: "prometheus-operator", ports: [8443], clients: ["prometheus"]),
                Component(name: "blackbox-exporter", ports: [9115, 19115], clients: ["prometheus"]),
                Component(name: "prometheus-adapter", ports: [6443], open: true),
            ], policies: true),
        Stack(
            name: "argocd",
            labels: { "app.kubernetes.io/name: \($0), app.kubernetes.io/part-of: argocd" },
            selector: { "app.kubernetes.io/name: \($0)" },
            components: [
                Component(name: "argocd-server", ports: [8080, 8083], open: true),
                Component(
                    name: "argocd-repo-server", ports: [8081, 8084],
                    clients: [
                        "argocd-server", "argocd-application-controller", "argocd-notifications-controller",
                        "argocd-applicationset-controller",
                    ], metricsFromEverywhere: 8084),
                Component(name: "argocd-application-controller", kind: "StatefulSet", ports: [8082], metricsFromEverywhere: 8082),
                Component(
                    name: "argocd-redis-ha", kind: "StatefulSet", ports: [6379, 26379],
                    clients: ["argocd-redis-ha", "argocd-redis-ha-haproxy"]),
                Component(
                    name: "argocd-redis-ha-haproxy", ports: [6379],
                    clients: ["argocd-server", "argocd-repo-server", "argocd-application-controller"]),
                Component(name: "argocd-dex-server", ports: [5556, 5557, 5558], clients: ["argocd-server"], metricsFromEverywhere: 5558),
                Component(name: "argocd-applicationset-controller", ports: [7000, 8080], metricsFromEverywhere: 8080),
                Component(name: "argocd-notifications-controller", ports: [9001], metricsFromEverywhere: 9001),
            ], policies: true, egressAll: false),
        Stack(
            name: "boutique",
            labels: { "app: \($0)" }, selector: { "app: \($0)" },
            components: [
                Component(name: "frontend", ports: [8080], openPorts: true),
                Component(name: "cartservice", ports: [7070], clients: ["frontend", "checkoutservice"]),
                Component(name: "redis-cart", ports: [6379], clients: ["cartservice"]),
                Component(name: "checkoutservice", ports: [5050], clients: ["frontend"]),
                Component(name: "currencyservice", ports: [7000], clients: ["frontend", "checkoutservice"]),
                Component(name: "emailservice", ports: [8080], clients: ["checkoutservice"]),
                Component(name: "paymentservice", ports: [50051], clients: ["checkoutservice"]),
                Component(name: "productcatalogservice", ports: [3550], clients: ["frontend", "checkoutservice", "recommendationservice"]),
                Component(name: "recommendationservice", ports: [8080], clients: ["frontend"]),
                Component(name: "shippingservice", ports: [50051], clients: ["frontend", "checkoutservice"]),
                Component(name: "adservice", ports: [9555], clients: ["frontend"]),
                Component(name: "loadgenerator", ports: []),
            ], policies: true, defaultDeny: true),
        Stack(
            name: "sock-shop",
            labels: { "name: \($0)" }, selector: { "name: \($0)" },
            components: [
                Component(name: "front-end", ports: [8079], openPorts: true),
                Component(name: "carts", ports: [80], clients: ["front-end", "orders"]),
                Component(name: "carts-db", kind: "StatefulSet", ports: [27017], clients: ["carts"]),
                Component(name: "catalogue", ports: [80], clients: ["front-end"]),
                Component(name: "catalogue-db", kind: "StatefulSet", ports: [3306], clients: ["catalogue"]),
                Component(name: "orders", ports: [80], clients: ["front-end"]),
                Component(name: "orders-db", kind: "StatefulSet", ports: [27017], clients: ["orders"]),
                Component(name: "payment", ports: [80], clients: ["orders"]),
                Component(name: "queue-master", ports: [80]),
                Component(name: "rabbitmq", ports: [5672, 9090], clients: ["shipping", "queue-master"]),
                Component(name: "shipping", ports: [80], clients: ["orders"]),
                Component(name: "user", ports: [80], clients: ["front-end", "orders"]),
                Component(name: "user-db", kind: "StatefulSet", ports: [27017], clients: ["user"]),
            ], policies: true, egressAll: false),
        Stack(
            name: "bookinfo",
            labels: { "app: \($0.split(separator: "-")[0]), version: \($0.contains("-") ? String($0.split(separator: "-")[1]) : "v1")" },
            selector: { "app: \($0)" },
            components: ["productpage", "details", "ratings", "reviews-v1", "reviews-v2", "reviews-v3"].map {
                Component(name: $0, ports: [9080])
            },
            policies: false),
    ]
}

extension RealShapedCluster {
    /// The manifests as one multi-document YAML text: per tenant the five stacks and a
    /// plain team namespace, in that order, until there are `workloads` workloads.
    public func manifests() -> String {
        var rng = SplitMix64(seed: seed)
        var out = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n"
        out +=
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\nspec:\n  replicas: 2\n  template:\n    metadata: {labels: {k8s-app: kube-dns}}\n    spec:\n      containers:\n      - name: coredns\n        ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]\n"
        var made = 1, tenant = 0
        while made < workloads {
            for stack in Self.stacks + [Self.team(rng.below(5) + 2)] where made < workloads {
                let ns = "\(stack.name)-\(tenant)"
                out += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: \(ns)\n  labels: {tenant: t\(tenant)}\n"
                let components = Array(stack.components.prefix(workloads - made))
                for c in components { out += workload(c, stack, ns, replicas: 1 + rng.below(3)) }
                made += components.count
                guard stack.policies else { continue }
                if stack.defaultDeny {
                    out +=
                        "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all, namespace: \(ns)}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n"
                }
                for c in components { out += policy(c, stack, ns) }
            }
            tenant += 1
        }
        return out
    }

    /// A team namespace: a few plain services, no policy.
    static func team(_ size: Int) -> Stack {
        Stack(
            name: "team", labels: { "app: \($0), team: payments" }, selector: { "app: \($0)" },
            components: (0..<size).map { Component(name: "svc\($0)", ports: [8080]) }, policies: false)
    }

    private func workload(_ c: Component, _ stack: Stack, _ ns: String, replicas: Int) -> String {
        let ports = c.ports.enumerated().map { "{name: p\($0.offset), containerPort: \($0.element)}" }.joined(separator: ", ")
        let count = c.kind == "DaemonSet" ? "" : "  replicas: \(replicas)\n"
        return """
            ---
            apiVersion: apps/v1
            kind: \(c.kind)
            metadata: {name: \(c.name), namespace: \(ns), labels: {\(stack.labels(c.name))}}
            spec:
            \(count)  selector: {matchLabels: {\(stack.selector(c.name))}}
              template:
                metadata: {labels: {\(stack.labels(c.name))}}
                spec:
                  hostNetwork: \(c.hostNetwork)
                  containers:
                  - name: \(c.name)
                    ports: [\(ports)]

            """
    }

    /// The vendor's policy for one component, or nothing when the vendor ships none.
    private func policy(_ c: Component, _ stack: Stack, _ ns: String) -> String {
        let ports = "[" + c.ports.map { "{port: \($0), protocol: TCP}" }.joined(separator: ", ") + "]"
        var ingress: [String] = []
        if c.open { ingress.append("  - {}") }
        if c.openPorts { ingress.append("  - ports: \(ports)") }
        if !c.clients.isEmpty {
            let from = c.clients.map { "{podSelector: {matchLabels: {\(stack.selector($0))}}}" }.joined(separator: ", ")
            ingress.append("  - from: [\(from)]\n    ports: \(ports)")
        }
        if let metrics = c.metricsFromEverywhere {
            ingress.append("  - from: [{namespaceSelector: {}}]\n    ports: [{port: \(metrics), protocol: TCP}]")
        }
        guard !ingress.isEmpty else { return "" }
        let types = stack.egressAll ? "[Ingress, Egress]" : "[Ingress]"
        return
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(c.name)-network-policy, namespace: \(ns)}\nspec:\n"
            + "  podSelector: {matchLabels: {\(stack.selector(c.name))}}\n  policyTypes: \(types)\n"
            + (stack.egressAll ? "  egress: [{}]\n" : "") + "  ingress:\n" + ingress.joined(separator: "\n") + "\n"
    }
}
