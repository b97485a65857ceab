/// A problem found while loading or checking input. It always says where: the source
/// location, the object (`NetworkPolicy ns/name`) and the field path
/// (`spec.ingress[0].from[1].ipBlock.except[0]`) when they are known.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case note, warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (l: Self, r: Self) -> Bool { l.rank < r.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var object: String?
    public var fieldPath: String?

    public init(
        _ severity: Severity, _ message: String, location: SourceLocation? = nil, object: String? = nil,
        fieldPath: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.object = object
        self.fieldPath = fieldPath
    }

    /// `file:line:col: error: NetworkPolicy ns/name: spec.ingress[0]: message`, always one
    /// line: control characters from the input are shown escaped.
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue): "
        if let object { s += "\(object): " }
        if let fieldPath, !fieldPath.isEmpty { s += "\(fieldPath): " }
        return Self.escapingControls(s + message)
    }

    static func escapingControls(_ text: String) -> String { TerminalText.escaped(text) }
}
