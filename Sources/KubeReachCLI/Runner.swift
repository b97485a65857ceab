import ArgumentParser
import KubeReachCore
import KubeReachRender
import KubeReachYAML

/// Runs a command line and returns its exit code. The only place where errors become
/// text on stderr and an exit status.
public enum Runner {
    public static func run(_ arguments: [String], io: CommandIO = .standard, context: RunContext = RunContext()) -> Int32 {
        let root: ParsableCommand.Type = context.asKubectlPlugin ? KubectlReach.self : KubeReach.self
        return RunContext.$current.withValue(context) { CommandIO.$current.withValue(io) { run(arguments, io: io, root: root) } }
    }

    private static func run(_ arguments: [String], io: CommandIO, root: ParsableCommand.Type) -> Int32 {
        do {
            var command = try root.parseAsRoot(arguments)
            if let answering = command as? any StatusCommand { return try answering.evaluate().rawValue }
            try command.run()
            return ExitStatus.success.rawValue
        } catch {
            if let diagnostics = diagnostics(of: error) {
                for d in diagnostics { io.report(d) }
                return ExitStatus.error.rawValue
            }
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if code == .success {
                io.out(message + "\n")
                return 0
            }
            io.err(message + "\n")
            return ExitStatus.error.rawValue
        }
    }

    /// What an error of kubereach's own says, as diagnostics; nil for the argument parser's.
    static func diagnostics(of error: any Error) -> [Diagnostic]? {
        switch error {
        case let error as CLIError: error.diagnostics
        case let failure as LoadFailure: failure.diagnostics
        case let error as RenderError: error.diagnostics
        default: nil
        }
    }
}
