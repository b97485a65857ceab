import KubeReachCore

/// Names the YAML loader would refuse (so the cluster is built in code): quotes, backslashes,
/// line breaks, markup, entities, control characters, DOT syntax, non-ASCII. Output of every
/// kind must show them escaped.
public enum HostileNames {
    public static let names = [
        "quote\"d", "back\\slash", "trailing\\", "new\nline", "<script>alert(1)</script>", "a & b", "&amp;", "&#1;", "&bogus;",
        "bell\u{7}", "my--app", "}]; digraph x {", "ünï €",
    ]

    public static var cluster: Cluster {
        let pods = names.enumerated().map { i, name in
            Pod(
                namespace: i % 2 == 0 ? "ns<\"&>" : "plain", name: name, labels: ["app": "x\(i)"],
                workload: WorkloadRef(namespace: i % 2 == 0 ? "ns<\"&>" : "plain", name: name, kind: i % 3 == 0 ? "K\"<ind>" : "Deployment")
            )
        }
        let deny = NetworkPolicy(
            namespace: "plain", name: "deny", podSelector: LabelSelector(matchLabels: ["app": "x1"]), policyTypes: [.ingress])
        return Cluster(namespaces: [Namespace(name: "ns<\"&>"), Namespace(name: "plain")], pods: pods, policies: [deny])
    }
}
