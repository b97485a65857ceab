import KubeReachTestSupport
import Testing

/// Issue 13 point 6: addresses inside `--pod-cidr`/`--service-cidr` (or a Node's
/// `spec.podCIDRs`) are cluster addresses no loaded pod holds, not "internet", in exposure,
/// render, report and paths; without them one note says what "internet" includes.
@Suite struct ClusterCIDRGoldenTests {
    static let cidrs = fixture("cidrs")
    static let withNode = fixture("cidrs-node")
    static let flags = ["--pod-cidr", "10.244.0.0/16", "--service-cidr", "10.96.0.0/12"]

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var args: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "exposure-without-cidrs", args: ["exposure", cidrs]),
        Case(name: "exposure-with-cidrs", args: ["exposure", cidrs] + flags),
        Case(name: "exposure-node-pod-cidr", args: ["exposure", withNode]),
        Case(name: "list-with-cidrs", args: ["list", cidrs] + flags),
        Case(name: "render-with-cidrs", args: ["render", "-o", "dot", cidrs] + flags),
        Case(name: "eval-pod-cidr-address", args: ["eval", "10.244.3.7", "x/api", "--port", "8080", cidrs] + flags),
        Case(name: "eval-service-cidr-address", args: ["eval", "10.96.3.7", "x/front", "--port", "443", cidrs] + flags),
    ]

    @Test(arguments: cases)
    func golden(_ c: Case) throws {
        let run = runCLI(c.args + ["-q"])
        #expect(run.status == 0, "\(run.err)")
        try assertSnapshot(run.out, named: "cidr-\(c.name).\(c.name.hasPrefix("render") ? "dot" : "txt")")
    }

    @Test func withoutCIDRsTheInternetNoteIsSaidOnce() {
        let run = runCLI(["exposure", Self.cidrs])
        #expect(run.err.components(separatedBy: "\"internet\" stands for every address not assigned to a loaded pod").count == 2)
        #expect(runCLI(["exposure", Self.cidrs] + Self.flags).err.isEmpty)
        #expect(runCLI(["exposure", Self.withNode]).err.isEmpty)
    }

    @Test func podNetworkIngressIsNoInternetEntry() {
        let run = runCLI(["exposure", Self.cidrs, "-q"] + Self.flags)
        #expect(!run.out.contains("x/api[Deployment]: reachable from the internet"))
        #expect(
            run.out.contains(
                "x/api[Deployment]: reachable from cluster addresses no loaded pod holds (10.244.0.0-10.244.255.255[External]): TCP 8080"))
    }

    @Test func pathsStartAtClusterAddresses() {
        let run = runCLI(["paths", "--from", "cluster-addresses", "--to", "x/api", Self.withNode])
        #expect(run.status == 0)
        // Each range stays its own vertex: the path starts at the pod CIDR's range.
        #expect(run.out.contains("1. (1 hop) 10.244.0.0-10.244.255.255[External] -[TCP 8080]-> x/api[Deployment]"))
        #expect(runCLI(["paths", "--from", "internet", "--to", "x/api", Self.withNode]).out.contains("no path"))
    }

    @Test func reportLabelsTheClusterRange() {
        let run = runCLI(["report", Self.cidrs, "-q"] + Self.flags)
        #expect(run.status == 0)
        #expect(run.out.contains("cluster addresses (no loaded pod)"))
    }

    @Test func badCIDRIsAUsageError() {
        let run = runCLI(["list", Self.cidrs, "--pod-cidr", "10.0.0.0/33"])
        #expect(run.status == 2)
        #expect(run.err.contains("--pod-cidr '10.0.0.0/33'"))
    }
}
