import ArgumentParser
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
        } catch let error as CLIError {
            for d in error.diagnostics { io.report(d) }
            return ExitStatus.error.rawValue
        } catch let failure as LoadFailure {
            for d in failure.diagnostics { io.report(d) }
            return ExitStatus.error.rawValue
        } catch let error as RenderError {
            for d in error.diagnostics { io.report(d) }
            return ExitStatus.error.rawValue
        } catch {
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
}
