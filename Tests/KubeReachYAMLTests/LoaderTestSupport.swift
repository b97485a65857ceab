import KubeReachCore
import KubeReachYAML

/// Loads inline manifests as if they were files.
func load(_ files: [(String, String)], keepGoing: Bool = false, strict: Bool = false) throws(LoadFailure) -> LoadResult {
    try ManifestLoader.load(
        files.map { ManifestSource(name: $0.0, bytes: Array($0.1.utf8)) }, options: LoadOptions(keepGoing: keepGoing, strict: strict))
}

func load(_ text: String, name: String = "test.yaml", keepGoing: Bool = false) throws(LoadFailure) -> LoadResult {
    try load([(name, text)], keepGoing: keepGoing)
}

/// The errors of a load expected to fail (empty when it succeeded).
func errors(_ files: [(String, String)], strict: Bool = false) -> [Diagnostic] {
    do {
        _ = try load(files, strict: strict)
        return []
    } catch {
        return error.diagnostics
    }
}

func errors(_ text: String, name: String = "test.yaml") -> [Diagnostic] { errors([(name, text)]) }

func policyYAML(_ spec: String) -> String {
    """
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: p
      namespace: ns
    spec:
    \(spec)
    """
}
