/// The parts real objects share: metadata with managedFields, pod specs, statuses, policies.
extension RealisticBuilder {
    /// `metadata`, with the managedFields entries an API server keeps for each writer (the
    /// spec's writer, and the status subresource's when there is a status).
    mutating func meta(
        name: String, namespace: String?, labels: Pairs, annotations: Pairs, owner: (kind: String, name: String)?, manager: String,
        status: ObjectValue? = nil, generation: Bool = false
    ) -> ObjectValue {
        var pairs: Pairs = [("creationTimestamp", .string(timestamp())), ("name", .string(name))]
        if let namespace { pairs.append(("namespace", .string(namespace))) }
        if !labels.isEmpty { pairs.append(("labels", .map(labels))) }
        if !annotations.isEmpty { pairs.append(("annotations", .map(annotations))) }
        if generation { pairs.append(("generation", .int(1))) }
        if let owner {
            pairs.append(
                (
                    "ownerReferences",
                    .list([
                        .map([
                            ("apiVersion", .string("apps/v1")), ("blockOwnerDeletion", .bool(true)), ("controller", .bool(true)),
                            ("kind", .string(owner.kind)), ("name", .string(owner.name)), ("uid", .string(uid())),
                        ])
                    ])
                ))
        }
        var managed: [ObjectValue] = [managedEntry(manager, fields: .map([("metadata", .map(pairs))]), subresource: nil)]
        if let status { managed.append(managedEntry("kubelet", fields: .map([("status", status)]), subresource: "status")) }
        resourceVersion += 1 + rng.below(40)
        pairs += [("managedFields", .list(managed)), ("resourceVersion", .string(String(resourceVersion))), ("uid", .string(uid()))]
        return .map(pairs)
    }

    func labels(_ app: RealisticObjects.App, hash: String?) -> Pairs {
        var out: Pairs = [("app", .string("app\(app.index)")), ("tier", .string(app.tier)), ("version", .string("v\(app.index % 3)"))]
        if let hash { out.append(("pod-template-hash", .string(hash))) }
        return out
    }

    mutating func template(_ app: RealisticObjects.App, hash: String?) -> ObjectValue {
        .map([
            ("metadata", .map([("creationTimestamp", .null), ("labels", .map(labels(app, hash: hash)))])),
            ("spec", .map(podSpec(app))),
        ])
    }

    mutating func podSpec(_ app: RealisticObjects.App) -> Pairs {
        [
            ("containers", .list([container(app)])), ("dnsPolicy", .string("ClusterFirst")), ("restartPolicy", .string("Always")),
            ("schedulerName", .string("default-scheduler")), ("securityContext", .map([])),
            ("serviceAccount", .string("default")), ("serviceAccountName", .string("default")),
            ("terminationGracePeriodSeconds", .int(30)),
        ]
    }

    private mutating func container(_ app: RealisticObjects.App) -> ObjectValue {
        let ports: [(String, Int)] =
            app.tier == "db" ? [("db", 5432), ("metrics", 9187)] : [("http", 8080 + app.index % 3), ("metrics", 9090), ("grpc", 50051)]
        var env: [ObjectValue] = []
        for i in 0..<(2 + rng.below(6)) {
            env.append(
                .map([
                    ("name", .string("SETTING_\(i)")), ("value", .string("http://svc-\(rng.below(1000)).ns\(rng.below(50)):\(8000 + i)")),
                ]))
        }
        env.append(
            .map([
                ("name", .string("POD_IP")),
                ("valueFrom", .map([("fieldRef", .map([("apiVersion", .string("v1")), ("fieldPath", .string("status.podIP"))]))])),
            ]))
        let probe = ObjectValue.map([
            ("failureThreshold", .int(3)),
            ("httpGet", .map([("path", .string("/healthz")), ("port", .string(ports[0].0)), ("scheme", .string("HTTP"))])),
            ("periodSeconds", .int(10)), ("successThreshold", .int(1)), ("timeoutSeconds", .int(1)),
        ])
        return .map([
            ("env", .list(env)), ("image", .string("registry.example.com/team/app\(app.index):1.\(app.index % 20).0")),
            ("imagePullPolicy", .string("IfNotPresent")), ("livenessProbe", probe), ("name", .string("main")),
            (
                "ports",
                .list(
                    ports.map {
                        .map([("containerPort", .int($0.1)), ("name", .string($0.0)), ("protocol", .string("TCP"))])
                    })
            ),
            ("readinessProbe", probe),
            (
                "resources",
                .map([
                    ("limits", .map([("cpu", .string("500m")), ("memory", .string("512Mi"))])),
                    ("requests", .map([("cpu", .string("100m")), ("memory", .string("128Mi"))])),
                ])
            ),
            (
                "securityContext",
                .map([("allowPrivilegeEscalation", .bool(false)), ("readOnlyRootFilesystem", .bool(true)), ("runAsNonRoot", .bool(true))])
            ),
            ("terminationMessagePath", .string("/dev/termination-log")), ("terminationMessagePolicy", .string("File")),
            (
                "volumeMounts",
                .list([
                    .map([
                        ("mountPath", .string("/var/run/secrets/kubernetes.io/serviceaccount")),
                        ("name", .string("kube-api-access-\(randomSuffix(5))")), ("readOnly", .bool(true)),
                    ])
                ])
            ),
        ])
    }

    mutating func projectedToken() -> ObjectValue {
        .map([
            ("name", .string("kube-api-access-\(randomSuffix(5))")),
            (
                "projected",
                .map([
                    ("defaultMode", .int(420)),
                    (
                        "sources",
                        .list([
                            .map([("serviceAccountToken", .map([("expirationSeconds", .int(3607)), ("path", .string("token"))]))]),
                            .map([
                                (
                                    "configMap",
                                    .map([
                                        ("items", .list([.map([("key", .string("ca.crt")), ("path", .string("ca.crt"))])])),
                                        ("name", .string("kube-root-ca.crt")),
                                    ])
                                )
                            ]),
                        ])
                    ),
                ])
            ),
        ])
    }

    func workloadStatus(_ replicas: Int, deployment: Bool) -> ObjectValue {
        var pairs: Pairs = [
            ("availableReplicas", .int(replicas)), ("fullyLabeledReplicas", .int(replicas)), ("observedGeneration", .int(1)),
            ("readyReplicas", .int(replicas)), ("replicas", .int(replicas)),
        ]
        if deployment {
            pairs.append(
                (
                    "conditions",
                    .list(
                        ["Available", "Progressing"].map {
                            .map([
                                ("lastTransitionTime", .string("2026-11-02T08:14:03Z")),
                                ("lastUpdateTime", .string("2026-11-02T08:14:03Z")),
                                ("message", .string("Deployment has minimum availability.")),
                                ("reason", .string("MinimumReplicasAvailable")),
                                ("status", .string("True")), ("type", .string($0)),
                            ])
                        })
                ))
        }
        return .map(pairs)
    }

    func podConditions(_ at: String) -> [ObjectValue] {
        ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map {
            .map([("lastProbeTime", .null), ("lastTransitionTime", .string(at)), ("status", .string("True")), ("type", .string($0))])
        }
    }

    mutating func containerStatus(_ at: String) -> ObjectValue {
        .map([
            ("containerID", .string("containerd://\(hex(64))")), ("image", .string("registry.example.com/team/app:1.0.0")),
            ("imageID", .string("registry.example.com/team/app@sha256:\(hex(64))")), ("lastState", .map([])),
            ("name", .string("main")), ("ready", .bool(true)), ("restartCount", .int(rng.below(3))), ("started", .bool(true)),
            ("state", .map([("running", .map([("startedAt", .string(at))]))])),
        ])
    }

    /// A managedFields entry whose `fieldsV1` lists the fields of `fields`, as the API
    /// server's structured-merge-diff writes it.
    private func managedEntry(_ manager: String, fields: ObjectValue, subresource: String?) -> ObjectValue {
        var pairs: Pairs = [
            ("apiVersion", .string("v1")), ("fieldsType", .string("FieldsV1")), ("fieldsV1", fieldSet(fields)),
            ("manager", .string(manager)), ("operation", .string("Update")), ("time", .string("2026-11-02T08:14:03Z")),
        ]
        if let subresource { pairs.append(("subresource", .string(subresource))) }
        return .map(pairs)
    }

    private func fieldSet(_ value: ObjectValue) -> ObjectValue {
        switch value {
        case .map(let pairs):
            return .map([(".", .map([]))] + pairs.map { ("f:\($0.0)", fieldSet($0.1)) })
        case .list(let items):
            var out: Pairs = [(".", .map([]))]
            for item in items {
                guard case .map(let pairs) = item else { continue }
                let key = pairs.first { $0.0 == "name" || $0.0 == "type" || $0.0 == "ip" }
                guard let key, case .string(let v) = key.1 else { continue }
                out.append(("k:{\"\(key.0)\":\"\(v)\"}", fieldSet(item)))
            }
            return .map(out)
        default: return .map([])
        }
    }

    mutating func timestamp() -> String {
        "2026-11-\(10 + rng.below(18))T\(10 + rng.below(13)):\(10 + rng.below(50)):\(10 + rng.below(50))Z"
    }

    mutating func uid() -> String { "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))" }

    mutating func randomSuffix(_ n: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<n).map { _ in alphabet[rng.below(alphabet.count)] })
    }

    mutating func hex(_ n: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<n).map { _ in digits[rng.below(16)] })
    }
}
