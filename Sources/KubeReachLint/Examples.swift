/// Building blocks of the rules' example manifests.
enum Example {
    static func pod(_ name: String, ns: String = "shop", labels: String = "{app: web}", ports: String = "[]") -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: \(ns), labels: \(labels)}\nspec:\n  containers: [{name: c, ports: \(ports)}]\n---\n"
    }

    static func namespace(_ name: String, labels: String = "{}") -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: \(name), labels: \(labels)}\n---\n"
    }

    static func policy(_ name: String, ns: String = "shop", _ spec: String) -> String {
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: \(name), namespace: \(ns)}\nspec:\n\(spec)\n---\n"
    }

    static let dnsServer =
        namespace("kube-system")
        + pod(
            "coredns", ns: "kube-system", labels: "{k8s-app: kube-dns}",
            ports: "[{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]")

    static let allowDNS = policy(
        "allow-dns",
        """
          podSelector: {}
          policyTypes: [Egress]
          egress:
          - to:
            - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
              podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        """)

    /// A StatefulSet of `replicas` pods labelled `app: NAME`, declaring `port`.
    static func statefulSet(_ name: String, ns: String = "shop", replicas: Int, port: Int) -> String {
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \(name), namespace: \(ns)}\nspec:\n  replicas: \(replicas)\n"
            + "  selector: {matchLabels: {app: \(name)}}\n  template:\n    metadata: {labels: {app: \(name)}}\n"
            + "    spec: {containers: [{name: c, ports: [{containerPort: \(port)}]}]}\n---\n"
    }

    /// A Service selecting `{app: NAME}` with the given `ports` list.
    static func service(_ name: String, ns: String = "shop", selector: String = "{app: web}", ports: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: \(name), namespace: \(ns)}\nspec:\n  selector: \(selector)\n  ports: \(ports)\n---\n"
    }

    static let denyAll = policy("deny-all", "  podSelector: {}\n  policyTypes: [Ingress, Egress]")
}

extension Example {
    /// An AdminNetworkPolicy (or, with `baseline`, the BaselineAdminNetworkPolicy `default`).
    static func admin(_ name: String, priority: Int? = 10, baseline: Bool = false, _ spec: String) -> String {
        let kind = baseline ? "BaselineAdminNetworkPolicy" : "AdminNetworkPolicy"
        let head = priority.map { "  priority: \($0)\n" } ?? ""
        return
            "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: \(kind)\nmetadata: {name: \(baseline ? "default" : name)}\nspec:\n\(head)\(spec)\n---\n"
    }

    /// A ClusterNetworkPolicy of the tier (`Admin` or `Baseline`).
    static func cnp(_ name: String, tier: String = "Admin", priority: Int = 10, _ spec: String) -> String {
        "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: \(name)}\nspec:\n  tier: \(tier)\n  priority: \(priority)\n\(spec)\n---\n"
    }

    static let shopSubject = "  subject:\n    namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}\n"
}
