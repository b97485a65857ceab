import ArgumentParser

public struct KubeReach: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "kubereach")
    public init() {}
}
