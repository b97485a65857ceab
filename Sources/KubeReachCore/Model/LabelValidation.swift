/// Syntax checks for label keys and values and for object names, as the API server applies
/// them (`k8s.io/apimachinery/pkg/util/validation`). Every check of the loader goes through
/// here, so a key, value or name is judged the same wherever it appears.
public enum LabelValidation {
    /// nil when `key` is a valid qualified name (`[prefix/]name`: the prefix a DNS subdomain
    /// of at most 253 characters, the name at most 63), else the reason.
    public static func problem(inKey key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "a label key may contain at most one '/'" }
        if parts.count == 2 {
            let prefix = parts[0]
            if prefix.isEmpty { return "the prefix part of a label key must not be empty" }
            if let p = problem(inDNSSubdomain: String(prefix)) { return "prefix: \(p)" }
        }
        let name = String(parts[parts.count - 1])
        if name.isEmpty { return "the name part of a label key must not be empty" }
        if name.utf8.count > 63 { return "the name part of a label key must be at most 63 characters" }
        if !isQualifiedNamePart(name) {
            return
                "the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        return nil
    }

    /// nil when `value` is a valid label value (empty allowed), else the reason.
    public static func problem(inValue value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "a label value must be at most 63 characters" }
        if !isQualifiedNamePart(value) {
            return
                "a label value must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        return nil
    }

    /// nil when `s` is an RFC 1123 subdomain as the API server checks it (`IsDNS1123Subdomain`):
    /// at most 253 characters in all, dot-separated parts of lower-case letters, digits and
    /// '-' that start and end with a letter or digit. The API server puts no 63-character
    /// limit on each part, and neither does this.
    public static func problem(inDNSSubdomain s: String) -> String? {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 253 else { return "must be 1 to 253 characters" }
        for label in u.split(separator: 46, omittingEmptySubsequences: false) where !isDNSLabelPart(label) {
            return "must be a DNS subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
        }
        return nil
    }

    /// nil when `s` is an RFC 1123 label (`IsDNS1123Label`, what namespace names are): at most
    /// 63 lower-case letters, digits and '-', starting and ending with a letter or digit.
    public static func problem(inDNSLabel s: String) -> String? {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 63 else { return "must be 1 to 63 characters" }
        guard isDNSLabelPart(u[...]) else {
            return "must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit"
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

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, with no length limit of its own.
    static func isDNSLabelPart(_ u: ArraySlice<UInt8>) -> Bool {
        guard let f = u.first, let l = u.last, isLowerAlnum(f), isLowerAlnum(l) else { return false }
        return u.allSatisfy { isLowerAlnum($0) || $0 == 45 }
    }

    static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
}
