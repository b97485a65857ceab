import Testing

@testable import KubeReachYAML

/// Integers as go-yaml v2 reads them: the plain-decimal shortcut and the general reading
/// give what `strconv.ParseInt(s, 0, 64)` would after dropping `_`.
@Suite struct PlainScalarTests {
    static let integers: [(String, Int?)] = [
        ("80", 80), ("0", 0), ("7", 7), ("65535", 65535), ("123456789012345678", 123_456_789_012_345_678),
        ("9223372036854775807", Int.max), ("9223372036854775808", nil),
        ("0x50", 80), ("0X1f", 31), ("0o10", 8), ("010", 8), ("089", 89), ("0b101", 5), ("1_000", 1000),
        ("+5", 5), ("-5", -5), ("0x-5", nil), ("--5", nil), ("5-", nil), ("12a", nil), ("1.0", nil), ("1e3", nil),
        ("", nil), ("-", nil), ("٣", nil), ("1\u{0301}", nil), (" 1", nil), ("1 ", nil),
    ]

    @Test(arguments: integers) func integer(_ text: String, _ expected: Int?) {
        #expect(PlainScalar.integer(text) == expected, "\(text)")
    }

    @Test func plainScalarsAreTyped() {
        #expect(PlainScalar("8080") == .int(8080))
        #expect(PlainScalar("1.0") == .int(1))
        #expect(PlainScalar("on") == .bool(true))
        #expect(PlainScalar("~") == .null)
        #expect(PlainScalar("http") == .string("http"))
    }
}
