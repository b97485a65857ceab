import ArgumentParser
import Foundation
import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import KubeReachYAML

#if canImport(Glibc)
    import Glibc
#endif

/// Options naming a synthetic cluster size.
struct SizeOptions: ParsableArguments {
    @Option(help: "Number of pods.") var pods = 1000
    @Option(help: "Number of namespaces.") var namespaces = 50
    @Option(help: "Number of NetworkPolicies.") var policies = 500
    @Option(name: .customLong("admin-policies"), help: "Number of AdminNetworkPolicies (with a baseline when above 0).")
    var adminPolicies = 0
    @Option(name: .customLong("baseline-policies"), help: "Baseline rules with --admin-policies (one BANP, or one Baseline CNP each).")
    var baselinePolicies = 1
    @Option(name: .customLong("admin-api"), help: "Admin tiers as v1alpha1 (ANP + BANP) or v1alpha2 (ClusterNetworkPolicy).")
    var adminAPI: SynthAdminAPI = .v1alpha1
    @Option(name: .customLong("cilium-policies"), help: "Number of CiliumNetworkPolicies added to the synthetic cluster.")
    var ciliumPolicies = 0
    @Option(name: .customLong("cilium-clusterwide"), help: "Number of CiliumClusterwideNetworkPolicies added to the synthetic cluster.")
    var ciliumClusterwide = 0
    @Option(name: .customLong("calico-policies"), help: "Number of Calico NetworkPolicies/GlobalNetworkPolicies added (with NetworkSets).")
    var calicoPolicies = 0
    @Option(name: .customLong("calico-tiers"), help: "Calico Tiers the --calico-policies are spread over (0: all in the default tier).")
    var calicoTiers = 5
    @Flag(name: .customLong("calico-nca-compatible"), help: "Leave out the Calico fields IBM's network-config-analyzer refuses.")
    var calicoNCACompatible = false
    @Option(
        name: .customLong("calico-mix"),
        help: "Calico policies as clusters write them (realistic) or every field and action at random (stress; for evaluator comparisons).")
    var calicoMix: SyntheticCalico.Mix = .realistic
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "Cluster shape: synthetic (the policy mix above), or real (vendor stacks per tenant: --workloads sets the size).")
    var profile: SynthProfile = .synthetic
    @Option(help: "Number of workloads (--profile real only; pods, namespaces and policies follow from the stacks).")
    var workloads = 650

    var cluster: SyntheticCluster {
        var size = SyntheticCluster.Size(pods: pods, namespaces: namespaces, policies: policies, adminPolicies: adminPolicies)
        size.baselinePolicies = max(1, baselinePolicies)
        size.clusterNetworkPolicies = adminAPI == .v1alpha2
        return SyntheticCluster(size: size, seed: seed)
    }

    var manifests: String {
        profile == .real ? RealShapedCluster(workloads: workloads, seed: seed).manifests() : cluster.manifests() + cilium + calico
    }

    /// The Cilium policies asked for (empty text when none).
    var cilium: String {
        SyntheticCilium(policies: ciliumPolicies, clusterwide: ciliumClusterwide, namespaces: namespaces, seed: seed).manifests()
    }

    /// The Calico objects asked for (empty text when none).
    var calico: String {
        SyntheticCalico(
            policies: calicoPolicies, tiers: calicoTiers, namespaces: namespaces, ncaCompatible: calicoNCACompatible, mix: calicoMix,
            seed: seed
        )
        .manifests()
    }

    var description: String {
        profile == .real
            ? "real-shaped, \(workloads) workloads"
            : cluster.size.description
                + (ciliumPolicies + ciliumClusterwide > 0 ? " / \(ciliumPolicies) CNPs / \(ciliumClusterwide) CCNPs" : "")
                + (calicoPolicies > 0 ? " / \(calicoPolicies) Calico policies in \(calicoTiers) tiers (\(calicoMix.rawValue))" : "")
    }
}

/// The API version of synthetic admin policies.
enum SynthAdminAPI: String, ExpressibleByArgument, CaseIterable {
    case v1alpha1, v1alpha2
}

extension SyntheticCalico.Mix: ExpressibleByArgument {}

/// The shapes `synth` and `bench` generate.
enum SynthProfile: String, ExpressibleByArgument, CaseIterable {
    case synthetic, real
}

/// `kubereach synth`: print a seeded synthetic cluster as manifests.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth", abstract: "Print a seeded synthetic cluster (namespaces, pods, policies) as YAML manifests.")

    @OptionGroup var size: SizeOptions
    @OptionGroup var rbac: RBACSizeOptions

    @Flag(
        name: .customLong("realistic-objects"),
        help:
            "Write a 'kubectl get -o json'-shaped List instead: Deployments, ReplicaSets, Pods and NetworkPolicies with managedFields, status, env and annotations (5-15 KB per pod; --profile synthetic sizes)."
    )
    var realisticObjects = false

    @Option(name: .shortAndLong, help: "With --realistic-objects: json (as kubectl -o json) or yaml.")
    var output: RealisticObjects.Format = .yaml

    func validate() throws {
        if output != .yaml && !realisticObjects { throw ValidationError("-o \(output.rawValue) needs --realistic-objects") }
        if realisticObjects && size.profile != .synthetic { throw ValidationError("--realistic-objects takes --profile synthetic sizes") }
    }

    func run() throws {
        let io = CommandIO.current
        guard realisticObjects else {
            var cluster = size.cluster.size
            rbac.apply(to: &cluster)
            let pods =
                size.profile == .real
                ? size.manifests : SyntheticCluster(size: cluster, seed: size.seed).manifests() + size.cilium + size.calico
            return io.out(pods + rbac.manifests(namespaces: size.namespaces, seed: size.seed))
        }
        // Written in pieces of about a megabyte: a 150,000-pod dump is never one string.
        var pending = ""
        RealisticObjects(size: size.cluster.size, seed: size.seed).write(output) { piece in
            pending += piece
            if pending.utf8.count > 1 << 20 {
                io.out(pending)
                pending = ""
            }
        }
        io.out(pending)
    }
}

extension RealisticObjects.Format: ExpressibleByArgument {}

/// `kubereach bench`: time each phase on a synthetic cluster, in this process.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time load, compile and list phases on a synthetic cluster (wall time, peak memory).")

    @OptionGroup var size: SizeOptions

    func run() throws {
        let io = CommandIO.current
        var clock = PhaseClock()
        let text = size.manifests
        clock.lap("generate (\(text.utf8.count / 1024) KiB of YAML)")
        let loaded: LoadResult
        do { loaded = try ManifestLoader.load([ManifestSource(name: "synthetic.yaml", bytes: Array(text.utf8))]) } catch {
            throw CLIError.invalidInput(error.diagnostics)
        }
        clock.lap("load (\(loaded.cluster.pods.count) pods, \(loaded.cluster.policies.count) policies)")
        let reach = Reachability(cluster: loaded.cluster)
        clock.lap("compile (\(reach.identityCountForReport) identities, \(reach.rowCountForReport) rows, \(reach.runCountForReport) runs)")
        let workload = reach.edges(level: .workload)
        clock.lap("matrix by workload (\(workload.count) edges)")
        let txt = EdgeFormatter.render(workload, as: .txt)
        clock.lap("render txt (\(txt.utf8.count / 1024) KiB)")
        let pods = reach.edges(level: .pod)
        let json = EdgeFormatter.render(pods, as: .json)
        clock.lap("list --by pod -o json (\(pods.count) edges, \(json.utf8.count / 1024 / 1024) MiB)")
        io.out("kubereach bench: \(size.description), seed \(size.seed)\n" + clock.report())
    }
}
