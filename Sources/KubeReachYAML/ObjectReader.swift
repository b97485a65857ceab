import KubeReachCore

/// Decodes one object (or the items of a List) into outcomes, each with its own diagnostics.
enum ObjectReader {
    /// Items of a typed list (`PodList`) may omit `kind` and `apiVersion`; they inherit them.
    static func read(
        _ root: Field, defaultNamespace: String = "default", listKind: String? = nil, listAPIVersion: String? = nil,
        into out: inout [ObjectOutcome]
    ) {
        let sink = root.sink
        guard
            let header = ObjectHeader.read(
                root, defaultKind: listKind, defaultAPIVersion: listAPIVersion, defaultNamespace: defaultNamespace)
        else {
            sink.error("not a Kubernetes object (no kind and apiVersion)", at: root)
            out.append(
                ObjectOutcome(
                    identity: nil, object: root.path, location: root.location, nameLocation: root.location, decoded: nil,
                    skippedKind: nil, unevaluatedKind: nil, diagnostics: sink.diagnostics))
            return
        }
        if header.kind.hasSuffix("List") {
            let itemKind = header.kind == "List" ? nil : String(header.kind.dropLast(4))
            let itemsField = root.child("items")
            if let items = itemsField.sequence() {
                for item in items {
                    let field = Field(
                        node: item.node, path: item.path, origin: item.origin, fallbackMark: item.fallbackMark,
                        sink: DiagnosticSink(budget: sink.budget))
                    read(
                        field, defaultNamespace: defaultNamespace, listKind: itemKind,
                        listAPIVersion: itemKind == nil ? nil : header.apiVersion, into: &out)
                }
                if !sink.diagnostics.isEmpty {
                    out.append(
                        ObjectOutcome(
                            identity: nil, object: header.kind, location: header.location,
                            nameLocation: header.location, decoded: nil, skippedKind: nil, unevaluatedKind: nil,
                            diagnostics: sink.diagnostics))
                }
                return
            }
            // A List (or a list of a kind we read) whose items are not a list would otherwise be
            // skipped as an unknown kind, silently losing its objects: it is an error.
            if !itemsField.isMissing && itemKind.map({ KindTable.groups[$0] != nil }) ?? true {
                out.append(
                    ObjectOutcome(
                        identity: nil, object: header.kind, location: header.location, nameLocation: header.location,
                        decoded: nil, skippedKind: nil, unevaluatedKind: nil, diagnostics: sink.diagnostics))
                return
            }
        }
        let clusterScoped = KindTable.clusterScoped.contains(header.kind)
        let display = clusterScoped ? "\(header.kind) \(header.name)" : "\(header.kind) \(header.namespace)/\(header.name)"
        sink.object = display
        // The header's own problems (labels, owner references) were found before the object had a name.
        for i in sink.diagnostics.indices where sink.diagnostics[i].object == nil { sink.diagnostics[i].object = display }
        let nameField = root.child("metadata").child("name")
        var outcome = ObjectOutcome(
            identity: nil, object: display, location: header.location, nameLocation: nameField.location,
            decoded: nil, skippedKind: nil, unevaluatedKind: nil, diagnostics: [])
        if CiliumFactsDecoder.reads(header) {
            outcome.identity = "\(header.kind)/\(clusterScoped ? "" : header.namespace)/\(header.name)"
            outcome.decoded = .ciliumFact(CiliumFactsDecoder.read(root, header: header))
        } else if !KindTable.isRead(kind: header.kind, apiVersion: header.apiVersion) {
            outcome.skippedKind = KindTable.skippedKey(kind: header.kind, apiVersion: header.apiVersion)
            outcome.unevaluatedKind = KindTable.unevaluatedPolicyKind(kind: header.kind, apiVersion: header.apiVersion)
            // Odd metadata in an object we do not read (a ConfigMap's labels as a list)
            // cannot change an answer: it does not fail the load.
            sink.diagnostics.removeAll()
            KindCheck.warnSkipped(root, header: header)
        } else {
            KindCheck.warnOldVersion(root, header: header)
            if header.name.isEmpty {
                sink.error("metadata.name is required", at: nameField)
            } else if let why = NameValidation.problem(header.name, isNamespace: header.kind == "Namespace") {
                // Policy and Service names never appear in connectivity lines: a name the API
                // server would refuse is only a warning there, unless it could break output.
                let lenient = (header.kind == "NetworkPolicy" || header.kind == "Service") && NameValidation.isPlain(header.name)
                if lenient {
                    sink.warning("invalid name (the API server would refuse it): \(why)", at: nameField)
                } else {
                    sink.error("invalid name: \(why)", at: nameField)
                }
            }
            if !clusterScoped, let why = NameValidation.problem(header.namespace, isNamespace: true) {
                sink.error("invalid namespace: \(why)", at: root.child("metadata").child("namespace"))
            }
            outcome.identity = "\(header.kind)/\(clusterScoped ? "" : header.namespace)/\(header.name)"
            outcome.fingerprint = root.node.flatMap { NodeFingerprint.of($0, limit: 50_000 + 4 * root.sink.budget.bytes) }
            switch header.kind {
            case "Namespace": outcome.decoded = .namespace(Namespace(name: header.name, labels: header.labels, location: header.location))
            case "Pod": outcome.decoded = .pod(WorkloadDecoder.pod(root, header: header))
            case "Service": outcome.decoded = .service(ServiceDecoder.read(root, header: header))
            case "NetworkPolicy": outcome.decoded = .policy(NetworkPolicyDecoder.read(root, header: header))
            case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy":
                outcome.decoded = .adminPolicy(AdminPolicyDecoder.read(root, header: header))
            case "Node": outcome.decoded = .node(NodeDecoder.read(root, header: header))
            case "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy":
                outcome.decoded = .ciliumPolicy(CiliumPolicyDecoder.read(root, header: header))
            default: outcome.decoded = .workload(WorkloadDecoder.workload(root, header: header))
            }
        }
        outcome.diagnostics = sink.diagnostics
        out.append(outcome)
    }
}

/// One decoded object, added to the cluster only when it had no error.
enum DecodedObject: Sendable {
    case namespace(Namespace)
    case pod(RawPod)
    case service(Service)
    case policy(NetworkPolicy)
    case adminPolicy(AdminNetworkPolicy)
    case node(ClusterNode)
    case workload(RawWorkload)
    case ciliumPolicy(CiliumPolicy)
    case ciliumFact(CiliumFact)
}
