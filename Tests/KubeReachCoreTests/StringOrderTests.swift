import KubeReachCore
import KubeReachSynthetic
import Testing

/// `String.utf8Precedes` gives the generic UTF-8 order on prefixes, non-ASCII text and
/// random strings.
@Suite struct StringOrderTests {
    @Test func sameOrderAsTheGenericComparison() {
        let fixed = ["", "a", "ab", "b", "a/b", "a-b", "é", "e\u{301}", "ns/déni", "ns/deni", "Z", "z", "日本", "\u{0}", "ns10/x", "ns1/x"]
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("ab/-é日\u{0}z")
        let random = (0..<300).map { _ in String((0..<rng.below(6)).map { _ in alphabet[rng.below(alphabet.count)] }) }
        let all = fixed + random
        for a in all {
            for b in all {
                #expect(a.utf8Precedes(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) < \(b.debugDescription)")
            }
        }
    }
}
