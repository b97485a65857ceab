import KubeReachCore

/// Object names as the API server accepts them, so that no name can break an output line.
public enum NameValidation {
    /// nil when valid; namespaces are DNS labels, other names DNS subdomains
    /// (`LabelValidation`, the one implementation of the API server's rules).
    public static func problem(_ name: String, isNamespace: Bool) -> String? {
        isNamespace ? LabelValidation.problem(inDNSLabel: name) : LabelValidation.problem(inDNSSubdomain: name)
    }

    /// nil when valid as an RBAC object's name: a path segment (not `.` or `..`, no `/` or
    /// `%`), and, so that no name can forge an output line, no control character.
    static func pathSegmentProblem(_ name: String) -> String? {
        if name == "." || name == ".." { return "may not be '.' or '..'" }
        if name.contains("/") || name.contains("%") { return "may not contain '/' or '%'" }
        if name.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) { return "may not contain control characters" }
        return nil
    }

    /// Letters, digits, '-', '_' and '.' only: nothing that could break a line of output.
    static func isPlain(_ name: String) -> Bool {
        name.utf8.allSatisfy {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 46
        }
    }
}
