/// Syntax checks for label keys and values, as the API server applies them
/// (`k8s.io/apimachinery/pkg/util/validation`).
public enum LabelValidation {
    /// nil when `key` is a valid qualified name (`[prefix/]name`), else the reason.
    public static func problem(inKey key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "a label key may contain at most one '/'" }
        if parts.count == 2 {
            let prefix = parts[0]
            if prefix.isEmpty { return "the prefix part of a label key must not be empty" }
            if let p = dnsSubdomainProblem(String(prefix)) { return "prefix: \(p)" }
        }
        let name = String(parts[parts.count - 1])
        if name.isEmpty { return "the name part of a label key must not be empty" }
        if name.utf8.count > 63 { return "the name part of a label key must be at most 63 characters" }
        if !isQualifiedNamePart(name) {
            return "the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        return nil
    }

    /// nil when `value` is a valid label value (empty allowed), else the reason.
    public static func problem(inValue value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "a label value must be at most 63 characters" }
        if !isQualifiedNamePart(value) {
            return "a label value must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        return nil
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    static func isQualifiedNamePart(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let f = u.first, let l = u.last, isAlnum(f), isAlnum(l) else { return false }
        return u.allSatisfy { isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 46 }
    }

    static func dnsSubdomainProblem(_ s: String) -> String? {
        if s.utf8.count > 253 { return "must be at most 253 characters" }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            let u = Array(label.utf8)
            guard let f = u.first, let l = u.last, u.count <= 63,
                isLowerAlnum(f), isLowerAlnum(l), u.allSatisfy({ isLowerAlnum($0) || $0 == 45 })
            else { return "must be a lowercase RFC 1123 subdomain" }
        }
        return nil
    }

    static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
}
