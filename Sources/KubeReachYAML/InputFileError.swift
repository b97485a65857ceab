import KubeReachCore

/// A problem in an intent or flow file, always with the file and, when known, the line.
public struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, or `error: file: message` for the file as a whole
    /// (a location without a line would read as a document index).
    public var diagnostic: Diagnostic {
        guard let line else { return Diagnostic(.error, "\(file): \(message)") }
        return Diagnostic(.error, message, location: SourceLocation(file: file, line: line))
    }
    public var description: String { diagnostic.description }
}
