import KubeReachCore

/// Fields a decoder does not know. The API server (kubectl's default strict validation)
/// refuses them, and a misspelt key changes the meaning silently — `fromm:` leaves a rule
/// without peers, which allows every source — so each one is a warning with a suggestion.
extension Field {
    func warnUnknownKeys(_ known: Set<String>) {
        guard isMapping, let entries = entries() else { return }
        for (key, value) in entries where !known.contains(key) {
            let hint = EditDistance.nearest(key, in: known).map { "; did you mean '\($0)'?" } ?? ""
            sink.warning("unknown field '\(key)' is ignored (the API server refuses it)\(hint)", at: value)
        }
    }
}
