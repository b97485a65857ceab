/// Label values as the API server checks them on every object that carries labels
/// (`IsValidLabelValue` in `k8s.io/apimachinery/pkg/util/validation`): empty, or at most 63
/// characters, alphanumeric at both ends with `-`, `_` and `.` inside. Kept apart from the
/// key rules (`LabelValidation`) so that each can change alone.
public enum LabelValueValidation {
    public static let maxLength = 63

    /// nil when `value` is a valid label value, else the reason (which never repeats the
    /// value: it may hold control characters).
    public static func problem(_ value: String) -> String? {
        let u = Array(value.utf8)
        guard let first = u.first, let last = u.last else { return nil }
        if u.count > maxLength { return "a label value must be at most \(maxLength) characters (this one has \(value.count))" }
        guard isAlphanumeric(first), isAlphanumeric(last), u.allSatisfy({ isAlphanumeric($0) || $0 == 45 || $0 == 95 || $0 == 46 }) else {
            return
                "a label value must be empty or consist of alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character"
        }
        return nil
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
}
