import KubeReachCore

extension Field {
    /// An object's labels (`metadata.labels`, a template's labels, a Service's selector): a
    /// map of strings like `stringMap`, each value checked as the API server checks label
    /// values. A value it would refuse is an error at that label, so the object is refused:
    /// such a value (a newline, `\r`, an escape sequence) could also forge output lines.
    func labelMap() -> [String: String]? {
        guard let entries = entries() else { return nil }
        var out: [String: String] = [:]
        for (key, value) in entries {
            if value.isMissing {
                out[key] = ""
                continue
            }
            guard let text = value.string() else { continue }
            if let why = LabelValueValidation.problem(text) {
                let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
                sink.error("invalid value \"\(shown)\" for label '\(key)': \(why)", at: value)
            }
            out[key] = text
        }
        return out
    }
}
