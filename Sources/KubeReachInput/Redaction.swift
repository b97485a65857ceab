/// Secrets taken out of text that kubereach relays from kubectl (its stderr can echo a
/// kubeconfig, an auth plugin's output or a request with its headers): bearer and basic
/// credentials, the values of token, password, secret and key fields, JWTs and PEM private
/// keys become `[redacted]`.
enum Redaction {
    static let marker = "[redacted]"

    /// `Authorization: Bearer X`, `Basic X`.
    nonisolated(unsafe) private static let scheme = try? Regex(#"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"#)
    /// `token: X`, `"client-key-data": "X"`, `--password=X`, `access_token=X`.
    nonisolated(unsafe) private static let field = try? Regex(
        #"(?i)((?:[a-z0-9_-]*(?:token|password|passwd|secret|client-key-data|client-certificate-data|authorization|api[_-]?key))["']?\s*[:=]\s*["']?)[^\s"',;&]+"#
    )
    /// A JWT (three base64url parts, the first `{"` encoded).
    nonisolated(unsafe) private static let jwt = try? Regex(#"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#)
    /// A PEM private key block.
    nonisolated(unsafe) private static let pem = try? Regex(
        #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"#)

    static func redacted(_ text: String) -> String {
        var out = text
        if let pem { out.replace(pem, with: marker) }
        if let jwt { out.replace(jwt, with: marker) }
        if let scheme { out = out.replacing(scheme) { "\($0.output[1].substring ?? "") \(marker)" } }
        if let field { out = out.replacing(field) { "\($0.output[1].substring ?? "")\(marker)" } }
        return out
    }
}
