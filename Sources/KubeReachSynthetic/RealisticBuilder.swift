/// Builds the objects of `RealisticObjects` with the fields and sizes a real API server
/// returns: what kubereach reads (labels, owners, ports, IPs, policy specs) amid what it
/// does not (managedFields, conditions, container statuses, env, probes, annotations).
struct RealisticBuilder {
    var rng: SplitMix64
    var resourceVersion = 48_213

    init(rng: SplitMix64) { self.rng = rng }

    typealias Pairs = [(String, ObjectValue)]

    mutating func namespace(_ name: String, index: Int) -> ObjectValue {
        var labels: Pairs = [("kubernetes.io/metadata.name", .string(name))]
        if name != "kube-system" {
            labels += [
                ("team", .string(RealisticObjects.teams[index % RealisticObjects.teams.count])),
                ("env", .string(RealisticObjects.envs[index % 3])),
            ]
        }
        let metadata = meta(name: name, namespace: nil, labels: labels, annotations: [], owner: nil, manager: "kubectl-create")
        return .map([
            ("apiVersion", .string("v1")), ("kind", .string("Namespace")), ("metadata", metadata),
            ("spec", .map([("finalizers", .list([.string("kubernetes")]))])), ("status", .map([("phase", .string("Active"))])),
        ])
    }

    mutating func deployment(_ app: RealisticObjects.App) -> ObjectValue {
        let name = "app\(app.index)"
        let spec: Pairs = [
            ("progressDeadlineSeconds", .int(600)), ("replicas", .int(app.replicas)), ("revisionHistoryLimit", .int(10)),
            ("selector", .map([("matchLabels", .map([("app", .string(name))]))])),
            (
                "strategy",
                .map([
                    ("rollingUpdate", .map([("maxSurge", .string("25%")), ("maxUnavailable", .string("25%"))])),
                    ("type", .string("RollingUpdate")),
                ])
            ),
            ("template", template(app, hash: nil)),
        ]
        let applied = ObjectValue.map([
            ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")),
            ("metadata", .map([("name", .string(name)), ("namespace", .string(app.namespace))])), ("spec", .map(spec)),
        ])
        let annotations: Pairs = [
            ("deployment.kubernetes.io/revision", .string("1")),
            ("kubectl.kubernetes.io/last-applied-configuration", .string(applied.compactJSON + "\n")),
        ]
        let metadata = meta(
            name: name, namespace: app.namespace, labels: labels(app, hash: nil), annotations: annotations, owner: nil,
            manager: "kubectl-client-side-apply")
        return .map([
            ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("metadata", metadata), ("spec", .map(spec)),
            ("status", workloadStatus(app.replicas, deployment: true)),
        ])
    }

    mutating func replicaSet(_ app: RealisticObjects.App) -> ObjectValue {
        let name = "app\(app.index)-\(app.hash)"
        let spec: Pairs = [
            ("replicas", .int(app.replicas)),
            ("selector", .map([("matchLabels", .map([("app", .string("app\(app.index)")), ("pod-template-hash", .string(app.hash))]))])),
            ("template", template(app, hash: app.hash)),
        ]
        let metadata = meta(
            name: name, namespace: app.namespace, labels: labels(app, hash: app.hash),
            annotations: [
                ("deployment.kubernetes.io/desired-replicas", .string(String(app.replicas))),
                ("deployment.kubernetes.io/max-replicas", .string(String(app.replicas + 1))),
                ("deployment.kubernetes.io/revision", .string("1")),
            ], owner: ("Deployment", "app\(app.index)"), manager: "kube-controller-manager")
        return .map([
            ("apiVersion", .string("apps/v1")), ("kind", .string("ReplicaSet")), ("metadata", metadata), ("spec", .map(spec)),
            ("status", workloadStatus(app.replicas, deployment: false)),
        ])
    }

    mutating func pod(_ app: RealisticObjects.App, replica: Int) -> ObjectValue {
        let bare = app.replicas == 0
        let index = app.firstPod + replica
        let name = bare ? "app\(app.index)" : "app\(app.index)-\(app.hash)-\(randomSuffix(5))"
        var spec = podSpec(app)
        spec += [
            ("enableServiceLinks", .bool(true)), ("nodeName", .string("node-\(rng.below(500))")),
            ("preemptionPolicy", .string("PreemptLowerPriority")), ("priority", .int(0)),
            (
                "tolerations",
                .list(
                    ["not-ready", "unreachable"].map {
                        .map([
                            ("effect", .string("NoExecute")), ("key", .string("node.kubernetes.io/\($0)")),
                            ("operator", .string("Exists")), ("tolerationSeconds", .int(300)),
                        ])
                    })
            ),
            ("volumes", .list([projectedToken()])),
        ]
        let ipv4 = SyntheticAddresses.ipv4(index)
        var ips: [ObjectValue] = [.map([("ip", .string(ipv4))])]
        if index % 4 == 0 { ips.append(.map([("ip", .string(SyntheticAddresses.ipv6(index)))])) }
        let started = timestamp()
        let status: Pairs = [
            ("conditions", .list(podConditions(started))),
            ("containerStatuses", .list([containerStatus(started)])),
            ("hostIP", .string("192.168.\(rng.below(4)).\(rng.below(250) + 2)")),
            ("phase", .string("Running")), ("podIP", .string(ipv4)), ("podIPs", .list(ips)), ("qosClass", .string("Burstable")),
            ("startTime", .string(started)),
        ]
        var annotations: Pairs = [("cni.projectcalico.org/podIP", .string("\(ipv4)/32"))]
        if app.tier != "db" { annotations += [("prometheus.io/port", .string("9090")), ("prometheus.io/scrape", .string("true"))] }
        var metadata = meta(
            name: name, namespace: app.namespace, labels: labels(app, hash: bare ? nil : app.hash), annotations: annotations,
            owner: bare ? nil : ("ReplicaSet", "app\(app.index)-\(app.hash)"), manager: "kube-controller-manager",
            status: .map(status))
        if !bare, case .map(var pairs) = metadata {
            pairs.append(("generateName", .string("app\(app.index)-\(app.hash)-")))
            metadata = .map(pairs)
        }
        return .map([
            ("apiVersion", .string("v1")), ("kind", .string("Pod")), ("metadata", metadata), ("spec", .map(spec)), ("status", .map(status)),
        ])
    }

    mutating func policy(index: Int, namespaces: Int, apps: Int) -> ObjectValue {
        let ns = "ns\(index % namespaces)"
        let name = index < namespaces ? "default-deny-and-dns" : "np\(index)"
        let spec: Pairs = index < namespaces ? defaultDeny() : policySpec(apps: apps)
        let applied = ObjectValue.map([
            ("apiVersion", .string("networking.k8s.io/v1")), ("kind", .string("NetworkPolicy")),
            ("metadata", .map([("name", .string(name)), ("namespace", .string(ns))])), ("spec", .map(spec)),
        ])
        let metadata = meta(
            name: name, namespace: ns, labels: [("app.kubernetes.io/managed-by", .string("platform"))],
            annotations: [("kubectl.kubernetes.io/last-applied-configuration", .string(applied.compactJSON + "\n"))], owner: nil,
            manager: "kubectl-client-side-apply", generation: true)
        return .map([
            ("apiVersion", .string("networking.k8s.io/v1")), ("kind", .string("NetworkPolicy")), ("metadata", metadata),
            ("spec", .map(spec)),
        ])
    }
}
