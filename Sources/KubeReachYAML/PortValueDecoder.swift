import KubeReachCore

/// Int-or-string port fields (a policy's `port`, a Service's `targetPort`): a number
/// 1-65535 or an IANA service name. The YAML type decides which: `80` is a number, `"80"`
/// a name (and an invalid one), as the API server reads them.
enum PortValueDecoder {
    /// nil when missing or invalid (the error is reported at `field`).
    static func read(_ field: Field) -> PolicyPort.Value? {
        if field.isMissing { return nil }
        switch field.plainValue {
        case .int(let n)?:
            guard (1...65535).contains(n) else {
                field.sink.error("port \(n) is outside 1-65535", at: field)
                return nil
            }
            return .number(n)
        case .bool?:
            field.sink.error("expected a port number or name, found a boolean", at: field)
            return nil
        case .float?:
            field.sink.error("expected a port number or name, found a fraction", at: field)
            return nil
        case .null?, .string?, nil:
            guard case .scalar(let s)? = field.node else {
                field.sink.error("expected a port number or name", at: field)
                return nil
            }
            guard isServiceName(s.string) else {
                field.sink.error(
                    "invalid named port '\(s.string)': 1-15 lower-case letters, digits or '-', with at least one letter, no leading, trailing or double '-'",
                    at: field)
                return nil
            }
            return .name(s.string)
        }
    }

    /// IANA_SVC_NAME, as Kubernetes validates named ports.
    static func isServiceName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard (1...15).contains(u.count), u.first != 45, u.last != 45 else { return false }
        guard u.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else { return false }
        guard u.contains(where: { $0 >= 97 && $0 <= 122 }) else { return false }
        return !s.contains("--")
    }
}
