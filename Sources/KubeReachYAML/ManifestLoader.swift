import KubeReachCore

/// Loads manifests into a `Cluster`: documents → objects → validated model, with every
/// problem reported at file, document, line and field path. Documents are parsed and
/// decoded in parallel, then applied in input order, so results are deterministic.
public enum ManifestLoader {
    public static func load(_ sources: [ManifestSource], options: LoadOptions = .init()) throws(LoadFailure) -> LoadResult {
        var state = LoaderState(keepGoing: options.keepGoing, strict: options.strict)
        var jobs: [DocumentJob] = []
        // JSON (a kubectl dump) first, without a decoded copy of its text; what the fast
        // reader gives back is read below like any other input.
        let cached = sources.map { options.cache?.outcomes(for: $0, options: options) }
        let pending = sources.indices.filter { cached[$0] == nil }
        var fast = [DocumentOutcome?](repeating: nil, count: sources.count)
        let readFast = JSONFastPath.readAll(
            pending.map { sources[$0] }, enabled: options.jsonFastPath, defaultNamespace: options.defaultNamespace,
            chunks: options.jsonChunks)
        for (i, outcome) in zip(pending, readFast) { fast[i] = outcome }
        var refused: Set<Int> = []
        for index in pending where fast[index] == nil {
            let source = sources[index]
            // Once: for a mapped file the general reader is given back, this is a copy.
            let bytes = source.bytes
            // Before decoding: UTF-16 text of ASCII characters is valid UTF-8 (with NULs).
            if let encoding = SourceEncoding.foreign(bytes) {
                let location = SourceLocation(file: source.name, line: 1)
                state.fail([Diagnostic(.error, SourceEncoding.message(encoding), location: location)], wholeFile: true)
                refused.insert(index)
                continue
            }
            guard let text = SourceText.decode(bytes) else {
                state.fail([Diagnostic(.error, "not valid UTF-8 text", location: SourceLocation(file: source.name))], wholeFile: true)
                refused.insert(index)
                continue
            }
            // A JSON file is one document: `---` cannot start a line of JSON anyway.
            let isJSON = source.name.lowercased().hasSuffix(".json")
            let docs = isJSON ? [DocumentText(text: text, lineOffset: 0)] : DocumentSplitter.split(text)
            for (i, doc) in docs.enumerated() {
                let origin = DocumentOrigin(file: source.name, index: i, lineOffset: doc.lineOffset)
                jobs.append(DocumentJob(source: index, origin: origin, text: doc.text, defaultNamespace: options.defaultNamespace))
            }
        }
        let read = DocumentReader.readAll(jobs)
        var objectsPerSource = [Int](repeating: 0, count: sources.count)
        var strangers: [Int: [Diagnostic]] = [:]
        // Every document in input order, whichever reader read it.
        var ordered: [(source: Int, outcome: DocumentOutcome)] = []
        var next = 0
        for index in sources.indices {
            var outcomes: [DocumentOutcome] = []
            if let reused = cached[index] {
                outcomes = reused
            } else if let outcome = fast[index] {
                outcomes = [outcome]
            } else {
                while next < jobs.count && jobs[next].source == index {
                    outcomes.append(read[next])
                    next += 1
                }
            }
            if cached[index] == nil && !refused.contains(index) { options.cache?.store(outcomes, for: sources[index], options: options) }
            ordered += outcomes.map { (index, $0) }
        }
        for (source, outcome) in ordered {
            switch outcome {
            case .empty: break
            case .failed(let ds): state.fail(ds)
            case .notAnObject(let d): strangers[source, default: []].append(d)
            case .objects(let objects):
                objectsPerSource[source] += objects.count
                for o in objects { state.apply(o) }
            }
        }
        for (source, warnings) in strangers.sorted(by: { $0.key < $1.key }) {
            if objectsPerSource[source] == 0 {
                state.notes.append(
                    Diagnostic(
                        .warning, "holds no Kubernetes object: file skipped", location: SourceLocation(file: sources[source].name, line: 1))
                )
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
    let strict: Bool
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
    var calico = CalicoObjects()
    var identityObjects = IdentityObjects()
    var ciliumPolicies: [CiliumPolicy] = []
    var ciliumFacts: [CiliumFact] = []
    /// Each object added so far, by `Kind/namespace/name`: where, its content, its slot.
    var seen: [String: SeenObject] = [:]

    init(keepGoing: Bool, strict: Bool = false) {
        self.keepGoing = keepGoing
        self.strict = strict
    }

    /// Adds one object, or records why it was left out.
    mutating func apply(_ o: ObjectOutcome) {
        if let kind = o.skippedKind { skippedKinds[kind, default: 0] += 1 }
        if let kind = o.unevaluatedKind { unevaluatedPolicyKinds[kind, default: 0] += 1 }
        var diagnostics = o.diagnostics
        var replacing: Int? = nil
        if let identity = o.identity, let first = seen[identity] {
            switch duplicate(o, of: first, identity: identity) {
            case .merge: return
            case .report(let d):
                diagnostics.append(d)
                if d.severity == .warning && strict {
                    notes += diagnostics
                    return
                }
            case .replace(let d):
                diagnostics.append(d)
                replacing = first.slot
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        if failed {
            errors += diagnostics.filter { $0.severity == .error }
            if keepGoing { skippedObjects.append(o.display) }
        } else if let decoded = o.decoded {
            let slot = store(decoded, at: replacing)
            if let identity = o.identity {
                seen[identity] = SeenObject(latest: o.location, fingerprint: o.fingerprint, slot: slot)
            }
        }
        notes += diagnostics.filter { $0.severity != .error }
    }

    /// What a second definition of an object does, as `kubectl apply` would treat it: the
    /// same content merges silently, a different one replaces the earlier with a warning
    /// naming both places. With `strict`, any second definition is an error (a Service's only
    /// a warning, and ignored: Services do not change what a policy allows).
    private func duplicate(_ o: ObjectOutcome, of first: SeenObject, identity: String) -> DuplicateAction {
        let identical = o.fingerprint != nil && o.fingerprint == first.fingerprint && !o.diagnostics.contains { $0.severity == .error }
        if !strict && identical { return .merge }
        if strict {
            let harmless = identity.hasPrefix("Service/")
            return .report(
                Diagnostic(
                    harmless ? .warning : .error,
                    "duplicate object: already defined at \(first.latest)\(harmless ? "; this one is ignored" : " (--strict)")",
                    location: o.nameLocation, object: o.object, fieldPath: "metadata.name"))
        }
        return .replace(
            Diagnostic(
                .warning,
                "defined again with different content: this definition replaces the one at \(first.latest), as kubectl apply would",
                location: o.nameLocation, object: o.object, fieldPath: "metadata.name"))
    }

    /// Adds a decoded object (or puts it in place of the one at `index` of its kind); returns its index.
    private mutating func store(_ decoded: DecodedObject, at index: Int?) -> Int {
        func put<T>(_ x: T, _ list: inout [T]) -> Int {
            if let index {
                list[index] = x
                return index
            }
            list.append(x)
            return list.count - 1
        }
        switch decoded {
        case .namespace(let x): return put(x, &namespaces)
        case .pod(let x): return put(x, &rawPods)
        case .service(let x): return put(x, &services)
        case .policy(let x): return put(x, &policies)
        case .adminPolicy(let x): return put(x, &adminPolicies)
        case .node(let x): return put(x, &nodes)
        case .workload(let x): return put(x, &workloads)
        case .calicoPolicy(let x): return put(x, &calico.policies)
        case .calicoTier(let x): return put(x, &calico.tiers)
        case .calicoNetworkSet(let x): return put(x, &calico.networkSets)
        case .serviceAccount(let x): return put(x, &identityObjects.serviceAccounts)
        case .secret(let x): return put(x, &identityObjects.secrets)
        case .role(let x): return put(x, &identityObjects.roles)
        case .binding(let x): return put(x, &identityObjects.bindings)
        case .ciliumPolicy(let x): return put(x, &ciliumPolicies)
        case .ciliumFact(let x): return put(x, &ciliumFacts)
        }
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
        cluster.calico = calico
        cluster.identity = identityObjects
        cluster.ciliumPolicies = ciliumPolicies
        cluster.cilium = CiliumFacts(ciliumFacts)
        var diagnostics = notes + AdminTierCheck.warnings(adminPolicies, nodes: nodes) + CiliumLoadCheck.warnings(cluster)
        diagnostics += CalicoLoadNotes.diagnostics(cluster)
        for name in cluster.addImplicitNamespaces() {
            diagnostics.append(
                Diagnostic(
                    .warning, "namespace \(name) is referenced but not declared; assumed with only the kubernetes.io/metadata.name label"))
        }
        for (kind, n) in unevaluatedPolicyKinds.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(
                Diagnostic(.warning, "\(n) \(kind) object(s) present; kubereach does not evaluate them, so answers may be incomplete"))
        }
        if policies.isEmpty && adminPolicies.isEmpty && ciliumPolicies.isEmpty && calico.policies.isEmpty {
            diagnostics.append(Diagnostic(.warning, "no NetworkPolicy found: every connection is allowed"))
        }
        if cluster.pods.isEmpty { diagnostics.append(Diagnostic(.warning, "no pods or workloads found: nothing to connect")) }
        if keepGoing { diagnostics = errors + diagnostics }
        return LoadResult(cluster: cluster, diagnostics: diagnostics, skippedKinds: skippedKinds, skippedObjects: skippedObjects)
    }
}

/// An object already added: where it was last defined, its content, and its index in the
/// list of its kind.
struct SeenObject {
    var latest: SourceLocation
    var fingerprint: Int?
    var slot: Int
}

/// What to do with a second definition of an object.
enum DuplicateAction {
    /// Identical to the one loaded: nothing to do.
    case merge
    /// Refused (`--strict`): the diagnostic says why.
    case report(Diagnostic)
    /// Takes the earlier one's place, with a warning.
    case replace(Diagnostic)
}
