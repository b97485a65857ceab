/// Object names as the API server accepts them, so that no name can break an output line.
public enum NameValidation {
    /// nil when valid; namespaces are DNS labels, other names DNS subdomains.
    public static func problem(_ name: String, isNamespace: Bool) -> String? {
        let limit = isNamespace ? 63 : 253
        let u = Array(name.utf8)
        guard let first = u.first, let last = u.last, u.count <= limit else { return "must be 1 to \(limit) characters" }
        let alnum = { (c: UInt8) in (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        let allowed = { (c: UInt8) in alnum(c) || c == 45 || (!isNamespace && c == 46) }
        guard alnum(first), alnum(last), u.allSatisfy(allowed) else {
            return isNamespace
                ? "must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit"
                : "must be a DNS subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
        }
        return nil
    }

    /// Letters, digits, '-', '_' and '.' only: nothing that could break a line of output.
    static func isPlain(_ name: String) -> Bool {
        name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 46 }
    }
}
