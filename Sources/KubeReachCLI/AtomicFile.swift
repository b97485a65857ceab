import Foundation

/// Writes a file whole or not at all: a temporary file beside the target, then a rename.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .output("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
