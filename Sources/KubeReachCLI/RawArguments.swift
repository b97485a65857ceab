import Foundation

/// Command-line paths as the bytes the program was given. Swift decodes `argv` as UTF-8,
/// turning bytes that are not UTF-8 into U+FFFD, so a file whose name is not UTF-8 could not
/// be opened by the name the parser hands over; its bytes are found again in `argv`.
enum RawArguments {
    /// The bytes of `argument` as given (also as the value of `--name=VALUE`).
    static func bytes(of argument: String) -> [UInt8] {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return Array(argument.utf8) }
        for i in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[i] else { continue }
            let raw = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            if String(decoding: raw, as: UTF8.self) == argument { return raw }
            if let equals = raw.firstIndex(of: UInt8(ascii: "=")), String(decoding: raw[(equals + 1)...], as: UTF8.self) == argument {
                return Array(raw[(equals + 1)...])
            }
        }
        return Array(argument.utf8)
    }
}
