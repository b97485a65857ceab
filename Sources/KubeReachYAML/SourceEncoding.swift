/// Recognises text in another Unicode encoding than UTF-8, so that a manifest saved as
/// UTF-16 (PowerShell's `>` and Windows editors do that) is refused with what to do about
/// it instead of "not valid UTF-8".
enum SourceEncoding {
    /// `"UTF-16"` or `"UTF-32"` when the bytes start with that encoding's byte order mark or
    /// have its NUL pattern (ASCII text interleaved with NUL bytes); nil otherwise. Looks at
    /// the first kilobyte only.
    static func foreign(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        let sample = bytes.prefix(1024)
        let quads = sample.count / 4, pairs = sample.count / 2
        guard quads >= 1 else { return nil }
        let base = sample.startIndex
        // ASCII in UTF-32: three NULs in every four bytes (after the character, or before it).
        let utf32 = (0..<quads).count { q in
            let b = sample[(base + 4 * q)..<(base + 4 * q + 4)]
            let le = b.dropFirst().allSatisfy { $0 == 0 } && b.first != 0
            let be = b.dropLast().allSatisfy { $0 == 0 } && b.last != 0
            return le || be
        }
        if 2 * utf32 >= quads { return "UTF-32" }
        // ASCII in UTF-16: one NUL in every pair, on the same side.
        let low = (0..<pairs).count { p in sample[base + 2 * p] != 0 && sample[base + 2 * p + 1] == 0 }
        let high = (0..<pairs).count { p in sample[base + 2 * p] == 0 && sample[base + 2 * p + 1] != 0 }
        if 2 * max(low, high) >= pairs { return "UTF-16" }
        return nil
    }

    /// The refusal, with the command that converts the file.
    static func message(_ encoding: String) -> String {
        "the file looks \(encoding) encoded; convert it to UTF-8 (iconv -f \(encoding) -t UTF-8)"
    }
}
