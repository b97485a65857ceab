/// Objects that look like a kind the loader reads but that the API server would not take
/// as written: never skipped or read silently, always with a warning at the field to fix.
enum KindCheck {
    /// An object left out although it was probably meant to count: a read kind in the wrong
    /// case (`kind: networkpolicy`; kinds are case-sensitive), or a NetworkPolicy of a
    /// version that never existed (`networking.k8s.io/v1beta1`).
    static func warnSkipped(_ root: Field, header: ObjectHeader) {
        if let meant = KindTable.miscased(header.kind) {
            root.sink.warning(
                "kind '\(header.kind)' is not a Kubernetes kind (kinds are case-sensitive; did you mean '\(meant)'?): the API server refuses it; skipped, not evaluated",
                at: root.child("kind"))
        } else if header.kind == "NetworkPolicy",
            KindTable.groups["NetworkPolicy"]?.contains(KindTable.group(of: header.apiVersion)) == true
        {
            root.sink.warning(
                "\(header.apiVersion) has no NetworkPolicy (it is served as networking.k8s.io/v1): the API server refuses it; skipped, not evaluated",
                at: root.child("apiVersion"))
        }
    }

    /// A NetworkPolicy of the old `extensions/v1beta1` API: read, since its fields are v1's,
    /// with a warning that no current cluster accepts it.
    static func warnOldVersion(_ root: Field, header: ObjectHeader) {
        guard header.kind == "NetworkPolicy", header.apiVersion == "extensions/v1beta1" else { return }
        root.sink.warning(
            "extensions/v1beta1 NetworkPolicy was removed in Kubernetes 1.16 (current API servers refuse it): evaluated as networking.k8s.io/v1, whose fields it shares",
            at: root.child("apiVersion"))
    }
}
