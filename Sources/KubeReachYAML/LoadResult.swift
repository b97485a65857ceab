import KubeReachCore

/// One input: a file's name (or `<stdin>`) and its raw bytes.
public struct ManifestSource: Sendable {
    public var name: String
    /// The bytes, as read or as a file mapping (`SourceBytes`).
    public var storage: SourceBytes

    /// The bytes as an array (a copy when the file is mapped).
    public var bytes: [UInt8] {
        get { storage.array }
        set { storage = SourceBytes(newValue) }
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.storage = SourceBytes(bytes)
    }

    public init(name: String, storage: SourceBytes) {
        self.name = name
        self.storage = storage
    }
}

public struct LoadOptions: Sendable {
    /// Skip invalid objects (their errors are kept as diagnostics) instead of failing.
    public var keepGoing: Bool
    /// Refuse an object defined twice even when both definitions are identical (without it,
    /// identical ones merge and a different later one replaces the earlier, with a warning,
    /// as `kubectl apply` would).
    public var strict: Bool
    /// The namespace of objects without `metadata.namespace` (`kubectl apply -n`).
    public var defaultNamespace: String

    /// Read JSON input with the fast reader (`JSONFastPath`); off only to compare the readers.
    public var jsonFastPath = true
    /// Parallel chunks for a large JSON `List` (1: read on one thread; nil: chosen by size);
    /// set by tests to compare the parallel reader with the sequential one.
    var jsonChunks: Int? = nil
    /// Documents read by an earlier load, reused for identical sources (`diff`'s two sides).
    public var cache: DocumentCache? = nil

    public init(keepGoing: Bool = false, strict: Bool = false, defaultNamespace: String = "default") {
        self.keepGoing = keepGoing
        self.strict = strict
        self.defaultNamespace = defaultNamespace
    }
}

/// What loading produced: the cluster, and everything worth telling the user.
public struct LoadResult: Sendable {
    public var cluster: Cluster
    /// Warnings and notes; with `keepGoing`, also the errors of the skipped objects.
    public var diagnostics: [Diagnostic]
    /// Kinds that are not part of the evaluation, with their counts.
    public var skippedKinds: [String: Int]
    /// Objects left out because they were invalid (`keepGoing` only).
    public var skippedObjects: [String]

    public init(cluster: Cluster, diagnostics: [Diagnostic] = [], skippedKinds: [String: Int] = [:], skippedObjects: [String] = []) {
        self.cluster = cluster
        self.diagnostics = diagnostics
        self.skippedKinds = skippedKinds
        self.skippedObjects = skippedObjects
    }
}

/// Loading failed: every error found, in input order.
public struct LoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
