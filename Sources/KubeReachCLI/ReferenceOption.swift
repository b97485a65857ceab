import KubeReachCore

/// Reads endpoint references from option values through the one grammar
/// (`EndpointReference`), turning parse errors into usage errors naming the option.
enum ReferenceOption {
    /// `text` as a reference; with `selectors`, a `key=value[,...]` selector is accepted too.
    static func parse(_ text: String, option: String, selectors: Bool = false, defaultNamespace: String? = nil) throws -> EndpointReference
    {
        if selectors, text.contains("="), case .success(let labels) = KeyValueList.parse(text) { return .selector(labels) }
        do { return try EndpointReference.parse(text, defaultNamespace: defaultNamespace) } catch {
            let forms = selectors ? "internet, ns/*, ns/name, ns/Kind/name or key=value" : "internet, ns/*, ns/name or ns/Kind/name"
            throw CLIError.usage("\(option): expected \(forms), got '\(text)'")
        }
    }

    /// `key=value[,...]` for options that take only selectors (`--sensitive`, `--from-selector`).
    static func selector(_ text: String, option: String) throws -> [String: String] {
        guard case .success(let labels) = KeyValueList.parse(text) else {
            throw CLIError.usage("\(option) expects key=value[,key=value...], got '\(text)'")
        }
        return labels
    }
}
