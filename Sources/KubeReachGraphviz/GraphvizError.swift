/// A Graphviz failure, carrying Graphviz's own message (which is never printed to stderr).
public struct GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which step failed.
    public enum Stage: String, Sendable {
        /// No usable Graphviz installation (no context, or no layout plugins).
        case setup
        /// The DOT text was not accepted.
        case parse
        case layout
        case render
    }

    public var stage: Stage
    public var message: String

    public init(_ stage: Stage, _ message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { "graphviz \(stage.rawValue) failed: \(message)" }
}
