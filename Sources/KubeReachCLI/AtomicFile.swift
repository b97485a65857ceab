import Foundation

/// Writes a file whole or not at all: a temporary file beside the target, then a rename.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    static func write(bytes: [UInt8], to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .output("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
