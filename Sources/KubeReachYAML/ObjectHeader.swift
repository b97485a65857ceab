import KubeReachCore

/// `apiVersion`, `kind` and `metadata` of any object.
struct ObjectHeader: Sendable {
    var apiVersion: String
    var kind: String
    var name: String
    var namespace: String
    /// Whether `metadata.namespace` was written (lint reports policies without one).
    var namespaceWritten: Bool
    var labels: [String: String]
    /// Only the annotations in `Annotations.kept`.
    var annotations: [String: String] = [:]
    /// The controller ownerReference, if any: (kind, nil when the reference has none; name).
    var controller: (kind: String?, name: String)?
    var location: SourceLocation

    /// nil when `root` has no string `kind` and `apiVersion`: not a Kubernetes object.
    static func read(
        _ root: Field, defaultKind: String? = nil, defaultAPIVersion: String? = nil, defaultNamespace: String = "default"
    ) -> ObjectHeader? {
        guard root.isMapping, let kind = root.child("kind").string() ?? defaultKind,
            let apiVersion = root.child("apiVersion").string() ?? defaultAPIVersion, !kind.isEmpty
        else { return nil }
        let meta = root.child("metadata")
        var controller: (String?, String)? = nil
        for ref in meta.child("ownerReferences").sequence() ?? [] where ref.child("controller").bool() == true {
            guard let name = ref.child("name").string() else { continue }
            let kind = ref.child("kind").string()
            // The controller names the workload in every output line: it must not be able to break one.
            if let why = NameValidation.problem(name, isNamespace: false) {
                ref.sink.error("invalid owner name: \(why)", at: ref.child("name"))
            } else if let kind, kind.isEmpty || !kind.utf8.allSatisfy(isKindCharacter) {
                ref.sink.error("invalid owner kind '\(kind)': letters and digits only", at: ref.child("kind"))
            } else {
                controller = (kind, name)
            }
        }
        // Objects without a namespace live in `default` (or `--default-namespace`), as
        // `kubectl apply` without (or with) -n puts them.
        let written = meta.child("namespace").string().flatMap { $0.isEmpty ? nil : $0 }
        var header = ObjectHeader(
            apiVersion: apiVersion, kind: kind, name: meta.child("name").string() ?? "",
            namespace: written ?? defaultNamespace, namespaceWritten: written != nil,
            labels: meta.child("labels").labelMap() ?? [:], controller: controller, location: root.location)
        // Only read when well formed: annotations never changed whether an object loads.
        if let annotations = meta.child("annotations").node, case .mapping = annotations {
            for key in Annotations.kept {
                if case .scalar(let s)? = MergeKeys.lookup(key, in: annotations, budget: root.sink.budget) {
                    header.annotations[key] = s.string
                }
            }
        }
        return header
    }

    /// ASCII letters and digits, as kinds are spelled (`ReplicaSet`).
    private static func isKindCharacter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
}
