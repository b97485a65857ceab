import ArgumentParser

/// The root command. Subcommands are plain structs; `Runner` runs them and maps errors to
/// exit codes in one place.
public struct KubeReach: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kubereach",
        abstract: "Simulate Kubernetes NetworkPolicies: who can reach whom, on which ports, and why.",
        version: "0.1.0",
        subcommands: subcommands
    )

    /// Shared with `KubectlReach`, the same tree under the plugin's name.
    static let subcommands: [ParsableCommand.Type] = [
        ListCommand.self, EvalCommand.self, ExplainCommand.self, WhoSelectsCommand.self, ShowPolicyCommand.self, LintCommand.self,
        RenderCommand.self,
        ReportCommand.self,
        PathsCommand.self, BlastRadiusCommand.self, ExposureCommand.self,
        DiffCommand.self, GenerateCommand.self,
        SynthCommand.self, BenchCommand.self,
        CanICommand.self, WhoCanCommand.self,
        AttackPathsCommand.self,
        MigrateAdminPoliciesCommand.self,
    ]

    public init() {}
}

/// The root command when started as the kubectl plugin `kubectl-reach`: argument-parser
/// takes the name shown in usage from the static configuration, so the plugin is a second
/// root over the same subcommands rather than a renamed one.
struct KubectlReach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl reach",
        abstract: KubeReach.configuration.abstract,
        discussion: "With no manifest paths, reads the cluster of the current kubeconfig context (-A: every namespace).",
        version: KubeReach.configuration.version,
        subcommands: KubeReach.subcommands
    )
}
