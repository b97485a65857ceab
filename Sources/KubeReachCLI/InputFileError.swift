import KubeReachCore

/// A problem in an intent or flow file, always with the file and, when known, the line.
struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    var line: Int?
    var message: String

    /// `file:line: error: message`, or `error: file: message` for the file as a whole
    /// (a location without a line would read as a document index).
    var diagnostic: Diagnostic {
        guard let line else { return Diagnostic(.error, "\(file): \(message)") }
        return Diagnostic(.error, message, location: SourceLocation(file: file, line: line))
    }
    var description: String { diagnostic.description }
}
