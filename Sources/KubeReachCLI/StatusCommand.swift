import ArgumentParser

/// A command whose answer is an exit status (eval: denied; lint, diff: findings), which
/// `Runner` returns instead of 0.
protocol StatusCommand: ParsableCommand {
    func evaluate() throws -> ExitStatus
}

extension StatusCommand {
    func run() throws { _ = try evaluate() }
}
