import KubeReachCore

/// Loads manifests into a `Cluster`: documents → objects → validated model, with every
/// problem reported at file, document, line and field path. Documents are parsed and
/// decoded in parallel, then applied in input order, so results are deterministic.
public enum ManifestLoader {
    public static func load(_ sources: [ManifestSource], options: LoadOptions = .init()) throws(LoadFailure) -> LoadResult {
        var state = LoaderState(keepGoing: options.keepGoing)
        var jobs: [DocumentJob] = []
        for (index, source) in sources.enumerated() {
            // Before decoding: UTF-16 text of ASCII characters is valid UTF-8 (with NULs).
            if let encoding = SourceEncoding.foreign(source.bytes) {
                let location = SourceLocation(file: source.name, line: 1)
                state.fail([Diagnostic(.error, SourceEncoding.message(encoding), location: location)], wholeFile: true)
                continue
            }
            guard let text = SourceText.decode(source.bytes) else {
                state.fail([Diagnostic(.error, "not valid UTF-8 text", location: SourceLocation(file: source.name))], wholeFile: true)
                continue
            }
            // A JSON file is one document: `---` cannot start a line of JSON anyway.
            let isJSON = source.name.lowercased().hasSuffix(".json")
            let docs = isJSON ? [DocumentText(text: text, lineOffset: 0)] : DocumentSplitter.split(text)
            for (i, doc) in docs.enumerated() {
                let origin = DocumentOrigin(file: source.name, index: i, lineOffset: doc.lineOffset)
                jobs.append(DocumentJob(source: index, origin: origin, text: doc.text))
            }
        }
        let outcomes = DocumentReader.readAll(jobs)
        var objectsPerSource = [Int](repeating: 0, count: sources.count)
        var strangers: [Int: [Diagnostic]] = [:]
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .empty: break
            case .failed(let ds): state.fail(ds)
            case .notAnObject(let d): strangers[job.source, default: []].append(d)
            case .objects(let objects):
                objectsPerSource[job.source] += objects.count
                for o in objects { state.apply(o) }
            }
        }
        for (source, warnings) in strangers.sorted(by: { $0.key < $1.key }) {
            if objectsPerSource[source] == 0 {
                state.notes.append(Diagnostic(
                    .warning, "holds no Kubernetes object: file skipped", location: SourceLocation(file: sources[source].name, line: 1)))
            } else {
                state.notes += warnings
            }
        }
        state.errors += AdminTierCheck.errors(state.adminPolicies)
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
    var adminPolicies: [AdminNetworkPolicy] = []
    var nodes: [ClusterNode] = []
    var seen: [String: SourceLocation] = [:]

    init(keepGoing: Bool) { self.keepGoing = keepGoing }

    /// Adds one object, or records why it was left out.
    mutating func apply(_ o: ObjectOutcome) {
        if let kind = o.skippedKind { skippedKinds[kind, default: 0] += 1 }
        if let kind = o.unevaluatedKind { unevaluatedPolicyKinds[kind, default: 0] += 1 }
        var diagnostics = o.diagnostics
        if let identity = o.identity {
            if let first = seen[identity] {
                // Services do not change connectivity: a duplicate one cannot change the answer.
                let harmless = identity.hasPrefix("Service/")
                diagnostics.append(Diagnostic(
                    harmless ? .warning : .error, "duplicate object: already defined at \(first)\(harmless ? "; this one is ignored" : "")",
                    location: o.nameLocation, object: o.object, fieldPath: "metadata.name"))
                if harmless { return notes += diagnostics }
            } else {
                seen[identity] = o.location
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        if failed {
            errors += diagnostics.filter { $0.severity == .error }
            if keepGoing { skippedObjects.append(o.display) }
        } else if let decoded = o.decoded {
            switch decoded {
            case .namespace(let x): namespaces.append(x)
            case .pod(let x): rawPods.append(x)
            case .service(let x): services.append(x)
            case .policy(let x): policies.append(x)
            case .adminPolicy(let x): adminPolicies.append(x)
            case .node(let x): nodes.append(x)
            case .workload(let x): workloads.append(x)
            }
        }
        notes += diagnostics.filter { $0.severity != .error }
    }

    /// A whole document (or file) refused: its errors, and with keepGoing its name in the skipped list.
    mutating func fail(_ ds: [Diagnostic], wholeFile: Bool = false) {
        errors += ds
        guard keepGoing, let loc = ds.last?.location else { return }
        skippedObjects.append(wholeFile ? "file \(loc.file)" : "document \(loc.documentIndex) of \(loc.file)")
    }

    /// Folds workloads, adds implicit namespaces, and states what is missing.
    func finish() -> LoadResult {
        var cluster = Cluster(
            namespaces: namespaces, pods: WorkloadFolder.pods(from: rawPods, workloads: workloads), policies: policies,
            services: services, adminPolicies: adminPolicies, nodes: nodes)
        var diagnostics = notes + AdminTierCheck.warnings(adminPolicies, nodes: nodes)
        for name in cluster.addImplicitNamespaces() {
            diagnostics.append(Diagnostic(.warning, "namespace \(name) is referenced but not declared; assumed with only the kubernetes.io/metadata.name label"))
        }
        for (kind, n) in unevaluatedPolicyKinds.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.warning, "\(n) \(kind) object(s) present; kubereach does not evaluate them, so answers may be incomplete"))
        }
        if policies.isEmpty && adminPolicies.isEmpty { diagnostics.append(Diagnostic(.warning, "no NetworkPolicy found: every connection is allowed")) }
        if cluster.pods.isEmpty { diagnostics.append(Diagnostic(.warning, "no pods or workloads found: nothing to connect")) }
        if keepGoing { diagnostics = errors + diagnostics }
        return LoadResult(cluster: cluster, diagnostics: diagnostics, skippedKinds: skippedKinds, skippedObjects: skippedObjects)
    }
}
