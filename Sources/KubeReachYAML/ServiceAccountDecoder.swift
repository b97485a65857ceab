import KubeReachCore

/// `v1` ServiceAccount: whether its token is mounted into pods by default.
enum ServiceAccountDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> ServiceAccount {
        var account = ServiceAccount(
            namespace: header.namespace, name: header.name, automountToken: root.child("automountServiceAccountToken").bool(),
            location: header.location)
        account.labels = header.labels
        return account
    }
}

/// `v1` Secret: `type` and the service-account annotation only. `data` and `stringData`
/// are never looked at, so no secret value is kept or can appear in any output.
enum SecretDecoder {
    static func read(_ root: Field, header: ObjectHeader) -> SecretInfo {
        let annotations = root.child("metadata").child("annotations").stringMap() ?? [:]
        let type = root.child("type").string().flatMap { $0.isEmpty ? nil : $0 } ?? "Opaque"
        let info = SecretInfo(
            namespace: header.namespace, name: header.name, type: type,
            serviceAccountName: annotations[SecretInfo.serviceAccountAnnotation], location: header.location)
        if type == SecretInfo.serviceAccountTokenType && info.serviceAccountName == nil {
            root.sink.warning(
                "a service-account-token Secret without the \(SecretInfo.serviceAccountAnnotation) annotation: the API server refuses it",
                at: root.child("metadata").child("annotations"))
        }
        return info
    }
}
