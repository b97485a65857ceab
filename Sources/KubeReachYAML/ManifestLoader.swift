import KubeReachCore
import Yams

/// Loads manifests into a `Cluster`: documents → objects → validated model, with every
/// problem reported at file, document, line and field path.
public enum ManifestLoader {
    static let maxFlowDepth = 512

    public static func load(_ sources: [ManifestSource], options: LoadOptions = .init()) throws(LoadFailure) -> LoadResult {
        var state = LoaderState(keepGoing: options.keepGoing)
        for source in sources { state.read(source) }
        if !state.errors.isEmpty && !options.keepGoing { throw LoadFailure(diagnostics: state.errors) }
        return state.finish()
    }
}

/// The accumulating state of one load.
struct LoaderState {
    let keepGoing: Bool
    var errors: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var skippedKinds: [String: Int] = [:]
    var skippedObjects: [String] = []
    var unevaluatedPolicyKinds: [String: Int] = [:]
    var namespaces: [Namespace] = []
    var rawPods: [RawPod] = []
    var workloads: [RawWorkload] = []
    var services: [Service] = []
    var policies: [NetworkPolicy] = []
    var seen: [String: SourceLocation] = [:]

    init(keepGoing: Bool) { self.keepGoing = keepGoing }

    mutating func read(_ source: ManifestSource) {
        guard var text = String(validating: source.bytes, as: UTF8.self) else {
            return fail(Diagnostic(.error, "not valid UTF-8 text", location: SourceLocation(file: source.name)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) { text = text.replacing("\r\n", with: "\n") }
        let isJSON = source.name.lowercased().hasSuffix(".json")
        let docs = isJSON ? [DocumentText(text: text, lineOffset: 0)] : DocumentSplitter.split(text)
        var objects = 0
        var strangers: [Diagnostic] = []
        for (index, doc) in docs.enumerated() {
            let origin = DocumentOrigin(file: source.name, index: index, lineOffset: doc.lineOffset)
            let location = SourceLocation(file: source.name, documentIndex: index, line: doc.lineOffset + 1)
            if DocumentSplitter.flowDepth(doc.text) > ManifestLoader.maxFlowDepth {
                fail(Diagnostic(.error, "document nested deeper than \(ManifestLoader.maxFlowDepth) levels", location: location))
                continue
            }
            let node: Node?
            do {
                // The basic resolver: no regex tag resolution (we type scalars ourselves); an explicit
        // encoding, or Yams reads the process environment on every call.
                node = try Yams.compose(yaml: doc.text, .basic, .default, .utf8)
            } catch let error as YamlError {
                fail(syntaxError(error, origin: origin))
                continue
            } catch {
                fail(Diagnostic(.error, "cannot parse YAML: \(error)", location: location))
                continue
            }
            guard let node, !Self.isEmptyDocument(node) else { continue }
            let root = Field(node: node, path: "", origin: origin, fallbackMark: nil, sink: DiagnosticSink())
            if ObjectHeader.read(root) == nil {
                strangers.append(Diagnostic(.warning, "not a Kubernetes object (no kind and apiVersion): skipped", location: root.location))
                continue
            }
            objects += readObject(root)
        }
        if objects == 0 && !strangers.isEmpty {
            notes.append(Diagnostic(.warning, "holds no Kubernetes object: file skipped", location: SourceLocation(file: source.name)))
        } else {
            notes += strangers
        }
    }

    /// A document holding only a null or an empty scalar (e.g. after a trailing `---`).
    static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && ["", "~", "null"].contains(s.string)
    }

    /// Reads one object (or the items of a List); returns how many objects it held.
    /// Items of a typed list (`PodList`) may omit `kind` and `apiVersion`; they inherit them.
    private mutating func readObject(_ root: Field, listKind: String? = nil, listAPIVersion: String? = nil) -> Int {
        let sink = root.sink
        guard let header = ObjectHeader.read(root, defaultKind: listKind, defaultAPIVersion: listAPIVersion) else {
            sink.error("not a Kubernetes object (no kind and apiVersion)", at: root)
            return settle(sink, name: root.path)
        }
        if header.kind.hasSuffix("List"), let items = root.child("items").sequence() {
            let itemKind = header.kind == "List" ? nil : String(header.kind.dropLast(4))
            var n = 0
            for item in items {
                n += readObject(
                    Field(node: item.node, path: item.path, origin: item.origin, fallbackMark: item.fallbackMark, sink: DiagnosticSink()),
                    listKind: itemKind, listAPIVersion: itemKind == nil ? nil : header.apiVersion)
            }
            return max(n, 1)
        }
        let display = header.kind == "Namespace" ? "\(header.kind) \(header.name)" : "\(header.kind) \(header.namespace)/\(header.name)"
        sink.object = display
        if header.name.isEmpty { sink.error("metadata.name is required", at: root.child("metadata").child("name")) }
        switch header.kind {
        case "Namespace", "Pod", "Service", "NetworkPolicy":
            break
        case _ where WorkloadRef.workloadKinds.contains(header.kind):
            break
        default:
            if Self.unevaluatedPolicyKinds.contains(header.kind) {
                unevaluatedPolicyKinds[header.kind, default: 0] += 1
            }
            skippedKinds[header.kind, default: 0] += 1
            return 1
        }
        if header.kind == "NetworkPolicy" && !["networking.k8s.io", "extensions"].contains(header.group) {
            unevaluatedPolicyKinds["\(header.group) NetworkPolicy", default: 0] += 1
            skippedKinds["\(header.apiVersion) NetworkPolicy", default: 0] += 1
            return 1
        }
        checkDuplicate(header, sink: sink, root: root)
        let decoded: DecodedObject
        switch header.kind {
        case "Namespace": decoded = .namespace(Namespace(name: header.name, labels: header.labels, location: header.location))
        case "Pod": decoded = .pod(WorkloadDecoder.pod(root, header: header))
        case "Service": decoded = .service(ServiceDecoder.read(root, header: header))
        case "NetworkPolicy": decoded = .policy(NetworkPolicyDecoder.read(root, header: header))
        default: decoded = .workload(WorkloadDecoder.workload(root, header: header))
        }
        if !sink.hasErrors {
            switch decoded {
            case .namespace(let x): namespaces.append(x)
            case .pod(let x): rawPods.append(x)
            case .service(let x): services.append(x)
            case .policy(let x): policies.append(x)
            case .workload(let x): workloads.append(x)
            }
        }
        return settle(sink, name: "\(display) (\(header.location))")
    }

    /// Kinds of other policy engines: present means answers may be incomplete.
    static let unevaluatedPolicyKinds: Set<String> = [
        "GlobalNetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "AdminNetworkPolicy",
        "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
        "AuthorizationPolicy",
    ]

    /// Moves an object's diagnostics into the result; returns 1 (one object seen).
    private mutating func settle(_ sink: DiagnosticSink, name: String) -> Int {
        if sink.hasErrors {
            errors += sink.diagnostics.filter { $0.severity == .error }
            if keepGoing { skippedObjects.append(name) }
        }
        notes += sink.diagnostics.filter { $0.severity != .error }
        return 1
    }

    private mutating func checkDuplicate(_ header: ObjectHeader, sink: DiagnosticSink, root: Field) {
        let ns = header.kind == "Namespace" ? "" : header.namespace
        let key = "\(header.kind)/\(ns)/\(header.name)"
        if let first = seen[key] {
            sink.error("duplicate object: \(sink.object ?? key) is already defined at \(first)", at: root.child("metadata").child("name"))
        } else {
            seen[key] = header.location
        }
    }

    private mutating func fail(_ d: Diagnostic) {
        errors.append(d)
        if keepGoing, let loc = d.location { skippedObjects.append("document \(loc.documentIndex) of \(loc.file)") }
    }

    private func syntaxError(_ error: YamlError, origin: DocumentOrigin) -> Diagnostic {
        var line: Int? = nil, column: Int? = nil, problem = "\(error)"
        switch error {
        case .scanner(let context, let p, let mark, _), .parser(let context, let p, let mark, _), .composer(let context, let p, let mark, _):
            line = mark.line + origin.lineOffset
            column = mark.column
            problem = context.map { "\(p) \($0.text)" } ?? p
        default: break
        }
        return Diagnostic(
            .error, "malformed YAML: \(problem)",
            location: SourceLocation(file: origin.file, documentIndex: origin.index, line: line ?? origin.lineOffset + 1, column: column))
    }

    /// Folds workloads, adds implicit namespaces, and states what is missing.
    func finish() -> LoadResult {
        var cluster = Cluster(
            namespaces: namespaces, pods: WorkloadFolder.pods(from: rawPods, workloads: workloads), policies: policies,
            services: services)
        var diagnostics = notes
        for name in cluster.addImplicitNamespaces() {
            diagnostics.append(Diagnostic(.warning, "namespace \(name) is referenced but not declared; assumed with only the kubernetes.io/metadata.name label"))
        }
        for (kind, n) in unevaluatedPolicyKinds.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.warning, "\(n) \(kind) object(s) present; kubereach does not evaluate them, so answers may be incomplete"))
        }
        if policies.isEmpty { diagnostics.append(Diagnostic(.warning, "no NetworkPolicy found: every connection is allowed")) }
        if cluster.pods.isEmpty { diagnostics.append(Diagnostic(.warning, "no pods or workloads found: nothing to connect")) }
        if keepGoing { diagnostics = errors + diagnostics }
        return LoadResult(cluster: cluster, diagnostics: diagnostics, skippedKinds: skippedKinds, skippedObjects: skippedObjects)
    }
}

/// One decoded object, added to the cluster only when it had no error.
enum DecodedObject {
    case namespace(Namespace)
    case pod(RawPod)
    case service(Service)
    case policy(NetworkPolicy)
    case workload(RawWorkload)
}
