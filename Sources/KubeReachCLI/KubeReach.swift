import ArgumentParser

/// The root command. Subcommands are plain structs; `Runner` runs them and maps errors to
/// exit codes in one place.
public struct KubeReach: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kubereach",
        abstract: "Simulate Kubernetes NetworkPolicies: who can reach whom, on which ports, and why.",
        version: "0.1.0",
        subcommands: [
            ListCommand.self, EvalCommand.self, ExplainCommand.self, WhoSelectsCommand.self, ShowPolicyCommand.self, LintCommand.self, RenderCommand.self,
            PathsCommand.self, BlastRadiusCommand.self, ExposureCommand.self,
            SynthCommand.self, BenchCommand.self,
        ]
    )

    public init() {}
}
