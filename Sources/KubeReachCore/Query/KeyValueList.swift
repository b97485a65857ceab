/// The one `key=value[,key=value...]` reader of the command line (selectors, `--sensitive`,
/// DNS labels). Values may be empty (`tier=`); keys may not; a key given twice is refused.
public enum KeyValueList {
    public struct ParseError: Error, Equatable, Sendable {
        public var text: String
    }

    public static func parse(_ text: String) -> Result<[String: String], ParseError> {
        var out: [String: String] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard kv.count == 2, !kv[0].isEmpty, out[kv[0]] == nil else { return .failure(ParseError(text: text)) }
            out[kv[0]] = kv[1]
        }
        return out.isEmpty ? .failure(ParseError(text: text)) : .success(out)
    }

    /// `a=1,b=2`, keys sorted.
    public static func text(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
