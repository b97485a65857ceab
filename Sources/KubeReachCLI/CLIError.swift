import KubeReachCore
import KubeReachInput

/// Errors the commands raise; `Runner` alone turns them into text and exit codes.
public enum CLIError: Error, CustomStringConvertible {
    /// Input could not be loaded or is invalid: every problem found.
    case invalidInput([Diagnostic])
    /// A command-line value is wrong (not a file problem).
    case usage(String)
    /// A named endpoint does not exist in the input.
    case notFound(String)
    /// Writing an output file failed.
    case output(String)
    /// Reading a live cluster through kubectl failed.
    case liveCluster(LiveClusterError)
    /// Graphviz could not draw the diagram (its own message).
    case render(String)

    /// What `Runner` prints, one diagnostic a line.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidInput(let ds): ds
        case .usage(let s), .notFound(let s), .output(let s), .render(let s): [Diagnostic(.error, s)]
        case .liveCluster(let e): e.diagnostics
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Exit codes that CI can gate on.
public enum ExitStatus: Int32 {
    case success = 0
    /// eval: denied; lint/diff: findings reached the threshold.
    case negative = 1
    /// Invalid input, usage error or I/O failure: no answer given.
    case error = 2
}
