import KubeReachSynthetic
import Testing

@testable import KubeReachYAML

/// The decimal fast path of `PlainScalar` reads exactly what the general integer reader
/// reads, and leaves everything else to it (leading zeros are octal, signs, underscores,
/// prefixes, numbers too long for the fast path).
@Suite struct PlainScalarDecimalTests {
    @Test(arguments: [
        ("0", 0), ("7", 7), ("8080", 8080), ("65535", 65535), ("999999999999999999", 999_999_999_999_999_999),
    ])
    func decimalsAreRead(text: String, value: Int) {
        #expect(PlainScalar.decimal(text) == value)
        #expect(PlainScalar(text) == .int(value))
    }

    @Test(arguments: ["", "010", "00", "-1", "+1", "1_000", "0x50", "1.5", "1e3", "80a", " 80", "9223372036854775807", "٣"])
    func everythingElseIsLeftToTheGeneralReader(text: String) {
        #expect(PlainScalar.decimal(text) == nil)
    }

    /// Seeded random strings of digits and number characters: whenever the fast path reads
    /// one, the general integer reader reads the same value.
    @Test func agreesWithTheIntegerReader() {
        var rng = SplitMix64(seed: 2026_12_07)
        let alphabet = Array("0123456789012345678901234567890_-+xob.e")
        var read = 0
        for _ in 0..<5000 {
            let text = String((0..<(1 + rng.below(20))).map { _ in alphabet[rng.below(alphabet.count)] })
            guard let n = PlainScalar.decimal(text) else { continue }
            read += 1
            #expect(PlainScalar.integer(text) == n, "\(text)")
        }
        #expect(read > 100)
    }
}
