extension Cluster {
    /// What an object reference that names nothing probably meant, best first (at most
    /// three): the same name in other namespaces (`boutique/frontend` for `frontend` read in
    /// `default`), the same namespace and name of another kind, else names within two edits.
    /// Every command that resolves references words its error with `didYouMean(_:)`.
    /// - Complexity: O(pods) plus the edit distances to the distinct workload names.
    public func suggestions(for ref: EndpointReference) -> [String] {
        guard case .object(let ns, let kind, let name) = ref else { return [] }
        let workloads = Set(pods.map { WorkloadRef(namespace: $0.workload.namespace, name: $0.workload.name, kind: $0.workload.kind) })
        let kindMatches = { (w: WorkloadRef) in kind == nil || EndpointReference.kind(kind!, means: w.kind) }
        let plain = { (w: WorkloadRef) in "\(w.namespace)/\(w.name)" }
        let elsewhere =
            workloads.filter { $0.name == name && $0.namespace != ns && kindMatches($0) }.map(plain)
            + pods.filter { $0.name == name && $0.namespace != ns && $0.workload.name != name && kind == nil && !isTemplatePod($0) }.map {
                "\($0.namespace)/\($0.name)"
            }
        if !elsewhere.isEmpty { return Array(Set(elsewhere).sorted().prefix(3)) }
        let otherKind = workloads.filter { $0.name == name && $0.namespace == ns && !kindMatches($0) }.map {
            "\($0.namespace)/\($0.kind)/\($0.name)"
        }
        if !otherKind.isEmpty { return Array(Set(otherKind).sorted().prefix(3)) }
        let inScope = workloads.filter { ns == nil || $0.namespace == ns }
        guard let near = EditDistance.nearest(name, in: Set(inScope.map(\.name))) else { return [] }
        return Array(Set(inScope.filter { $0.name == near }.map(plain)).sorted().prefix(3))
    }

    /// `; did you mean boutique/frontend?` (or `... a/x or b/x?`), or empty.
    public func didYouMean(_ ref: EndpointReference) -> String {
        let s = suggestions(for: ref)
        guard let last = s.last else { return "" }
        return "; did you mean " + (s.count == 1 ? last : s.dropLast().joined(separator: ", ") + " or " + last) + "?"
    }
}
