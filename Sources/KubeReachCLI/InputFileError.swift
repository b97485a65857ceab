import KubeReachCore

/// A problem in an intent or flow file, always with the file and, when known, the line.
struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    var line: Int?
    var message: String

    var diagnostic: Diagnostic { Diagnostic(.error, message, location: SourceLocation(file: file, line: line)) }
    var description: String { diagnostic.description }
}
