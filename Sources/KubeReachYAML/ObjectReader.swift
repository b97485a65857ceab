import KubeReachCore
import Yams

/// Decodes one object (or the items of a List) into outcomes, each with its own diagnostics.
enum ObjectReader {
    /// Items of a typed list (`PodList`) may omit `kind` and `apiVersion`; they inherit them.
    /// One of a List's items, as an object of its own (with its own diagnostics, sharing
    /// the document's budget); `items` is the List's `items` field.
    static func readItem(
        _ node: Node?, index: Int, of items: Field, defaultNamespace: String, listKind: String?, listAPIVersion: String?,
        fingerprint: Int?, into out: inout [ObjectOutcome]
    ) {
        let field = Field(
            node: node, path: "\(items.path)[\(index)]", origin: items.origin, fallbackMark: items.node?.mark,
            sink: DiagnosticSink(budget: items.sink.budget))
        read(
            field, defaultNamespace: defaultNamespace, listKind: listKind, listAPIVersion: listAPIVersion, fingerprint: fingerprint,
            into: &out)
    }

    /// `fingerprint` replaces the one of `root`'s tree, and `items` a List's `items` list,
    /// when the tree holds only part of the text (the JSON fast path).
    static func read(
        _ root: Field, defaultNamespace: String = "default", listKind: String? = nil, listAPIVersion: String? = nil,
        fingerprint: Int? = nil, items streamed: (any ItemSource)? = nil, into out: inout [ObjectOutcome]
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
                let itemAPIVersion = itemKind == nil ? nil : header.apiVersion
                if let streamed {
                    var index = 0
                    streamed.appendItems(into: &out) { node, fingerprint, out in
                        readItem(
                            node, index: index, of: itemsField, defaultNamespace: defaultNamespace, listKind: itemKind,
                            listAPIVersion: itemAPIVersion, fingerprint: fingerprint, into: &out)
                        index += 1
                    }
                } else {
                    for (index, item) in items.enumerated() {
                        readItem(
                            item.node, index: index, of: itemsField, defaultNamespace: defaultNamespace, listKind: itemKind,
                            listAPIVersion: itemAPIVersion, fingerprint: nil, into: &out)
                    }
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
        let calico = KindTable.isCalico(kind: header.kind, apiVersion: header.apiVersion)
        let clusterScoped = calico ? KindTable.calicoClusterScoped.contains(header.kind) : KindTable.clusterScoped.contains(header.kind)
        // A Calico NetworkPolicy is not the Kubernetes one of the same name: its own identity and display.
        let kindName = calico ? "Calico \(header.kind)" : header.kind
        let display = clusterScoped ? "\(kindName) \(header.name)" : "\(kindName) \(header.namespace)/\(header.name)"
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
        } else if !calico && !KindTable.isRead(kind: header.kind, apiVersion: header.apiVersion) {
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
            } else if KindTable.pathSegmentNamed.contains(header.kind) {
                if let why = NameValidation.pathSegmentProblem(header.name) { sink.error("invalid name: \(why)", at: nameField) }
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
            outcome.identity = "\(calico ? "projectcalico.org/" : "")\(header.kind)/\(clusterScoped ? "" : header.namespace)/\(header.name)"
            outcome.fingerprint = fingerprint ?? root.node.flatMap { NodeFingerprint.of($0, limit: 50_000 + 4 * root.sink.budget.bytes) }
            switch calico ? "Calico" : header.kind {
            case "Calico": CalicoDecoding.read(root, header: header, into: &outcome)
            case "Namespace":
                PodSecurityLabelCheck.warn(root, labels: header.labels)
                var namespace = Namespace(name: header.name, labels: header.labels, location: header.location)
                namespace.annotations = header.annotations
                outcome.decoded = .namespace(namespace)
            case "Pod": outcome.decoded = .pod(WorkloadDecoder.pod(root, header: header))
            case "Service": outcome.decoded = .service(ServiceDecoder.read(root, header: header))
            case "NetworkPolicy": outcome.decoded = .policy(NetworkPolicyDecoder.read(root, header: header))
            case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy":
                outcome.decoded = .adminPolicy(AdminPolicyDecoder.read(root, header: header))
            case "ClusterNetworkPolicy":
                outcome.decoded = .adminPolicy(ClusterNetworkPolicyDecoder.read(root, header: header))
            case "Node": outcome.decoded = .node(NodeDecoder.read(root, header: header))
            case "ServiceAccount": outcome.decoded = .serviceAccount(ServiceAccountDecoder.read(root, header: header))
            case "Secret": outcome.decoded = .secret(SecretDecoder.read(root, header: header))
            case "Role", "ClusterRole": outcome.decoded = .role(RBACRoleDecoder.read(root, header: header))
            case "RoleBinding", "ClusterRoleBinding": outcome.decoded = .binding(RBACBindingDecoder.read(root, header: header))
            case "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy":
                outcome.decoded = .ciliumPolicy(CiliumPolicyDecoder.read(root, header: header))
            default: outcome.decoded = .workload(WorkloadDecoder.workload(root, header: header))
            }
        }
        outcome.diagnostics = sink.diagnostics
        out.append(outcome)
    }
}

/// A List's items handed over one at a time instead of as a tree (`JSONItemStream`).
protocol ItemSource: AnyObject {
    /// Appends the items' outcomes in order: each item's tree and fingerprint go through
    /// `read`, or the outcomes were decoded already, as the items were read.
    func appendItems(into out: inout [ObjectOutcome], reading read: (Node, Int?, inout [ObjectOutcome]) -> Void)
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
    case calicoPolicy(CalicoPolicy)
    case calicoTier(CalicoTier)
    case calicoNetworkSet(CalicoNetworkSet)
    case serviceAccount(ServiceAccount)
    case secret(SecretInfo)
    case role(RBACRole)
    case binding(RBACBinding)
    case ciliumPolicy(CiliumPolicy)
    case ciliumFact(CiliumFact)
}
