import KubeReachCore

/// Splits one CSV line into fields (RFC 4180 quoting: `"a,b"`, `""` for a quote); fields
/// are trimmed. Nil when a quote is left open.
public enum CSVFields {
    public static func split(_ line: Substring) -> [String]? {
        // Without quotes a line is its commas (split on bytes, the common case of flow files).
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            return line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                Substring($0).trimmingWhitespace()
            }
        }
        var fields: [String] = [], current = "", quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    // A doubled quote inside quotes is one quote; otherwise the quote closes.
                    var lookahead = chars
                    if lookahead.next() == "\"" {
                        current.append("\"")
                        chars = lookahead
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.allSatisfy({ $0 == " " }) && !wasQuoted {
                quoted = true
                wasQuoted = true
                current = ""
            } else if c == "," {
                fields.append(current.trimmingWhitespace())
                current = ""
                wasQuoted = false
            } else {
                current.append(c)
            }
        }
        if quoted { return nil }
        fields.append(current.trimmingWhitespace())
        return fields
    }
}
