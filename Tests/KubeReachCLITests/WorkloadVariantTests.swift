import KubeReachCore
import Testing

/// Issue 13 point 9: a workload whose pods differ in a label a policy reads (a canary
/// `version`, a bare Pod of a loaded ReplicaSet relabelled by hand) is split into its pod
/// variants with a note, in every command, instead of stopping `list`, `render`, `report`
/// and `diff` with exit 2 (and `eval` answering the union without a word).
@Suite struct WorkloadVariantTests {
    static let input = fixture("variants")

    @Test func listSplitsTheWorkloadWithANote() {
        let run = runCLI(["list", Self.input])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("shop/client[Deployment] => shop/api[Deployment]{version=v1} : All Connections"))
        #expect(!run.out.contains("{version=v2}"))
        #expect(run.err.contains("note: pods of workload shop/api[Deployment] differ in label(s) version"))
        #expect(run.err.contains("{version=v1}, {version=v2}"))
    }

    @Test func renderReportAndDiffAnswerToo() {
        let dot = runCLI(["render", "-o", "dot", Self.input, "-q"])
        #expect(dot.status == 0, "\(dot.err)")
        #expect(dot.out.contains("{version=v1}"))
        let report = runCLI(["report", Self.input, "-q"])
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("{version=v1}"))
        let diff = runCLI(["diff", Self.input, Self.input, "-q"])
        #expect(diff.status == 0, "\(diff.err)")
    }

    @Test func renderAndReportByPod() {
        let dot = runCLI(["render", "--by", "pod", "-o", "dot", Self.input, "-q"])
        #expect(dot.status == 0, "\(dot.err)")
        #expect(dot.out.contains("shop/api-6d4-aaaaa"))
        let report = runCLI(["report", "--by", "pod", Self.input, "-q"])
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("6d4&#45;bbbbb"))  // the SVG escapes "-"
    }

    @Test func evalSaysWhichVariantAnswers() {
        let run = runCLI(["eval", "shop/client", "shop/api", Self.input, "-q"])
        #expect(run.status == 0)
        #expect(run.out.contains("  allowed shop/client[Deployment] => shop/api[Deployment]{version=v1} : All Connections"))
        #expect(run.out.contains("  denied  shop/client[Deployment] => shop/api[Deployment]{version=v2} : No Connections"))
    }

    @Test func podsTreatedAlikeStayOneWorkload() {
        // Different values of a label no policy reads: one workload, no note.
        let pods = ["v1", "v2"].map {
            Pod(
                namespace: "a", name: "api-\($0)", labels: ["app": "api", "build": $0],
                workload: WorkloadRef(namespace: "a", name: "api", kind: "Deployment"))
        }
        var reach = Reachability(
            cluster: Cluster(
                pods: pods, policies: [NetworkPolicy(namespace: "a", name: "p", podSelector: LabelSelector(matchLabels: ["app": "api"]))]))
        #expect(reach.splitWorkloadVariants().isEmpty)
        #expect(reach.cluster.pods.allSatisfy { $0.workload.variant == nil })
    }

    @Test func aLabelValueThatCouldBreakALineIsNotPrinted() {
        let pods = ["ok", "a\nb"].enumerated().map { i, v in
            Pod(
                namespace: "a", name: "api-\(i)", labels: ["app": "api", "track": v],
                workload: WorkloadRef(namespace: "a", name: "api", kind: "Deployment"))
        }
        let closed = NetworkPolicy(
            namespace: "a", name: "p", podSelector: LabelSelector(matchLabels: ["track": "ok"]), policyTypes: [.ingress])
        var reach = Reachability(cluster: Cluster(pods: pods, policies: [closed]))
        _ = reach.splitWorkloadVariants()
        #expect(reach.cluster.pods.map(\.workload.description) == ["a/api[Deployment]{track=ok}", "a/api[Deployment]{pod=api-1}"])
    }

    @Test func variantWithoutADifferingLabelIsNamedByPod() {
        let pods = [8080, 9090].map {
            Pod(
                namespace: "a", name: "api-\($0)", labels: ["app": "api"], ports: [ContainerPort(name: "http", port: $0)],
                workload: WorkloadRef(namespace: "a", name: "api", kind: "Deployment"))
        }
        let allowHTTP = NetworkPolicy(
            namespace: "a", name: "p", podSelector: LabelSelector(matchLabels: ["app": "api"]),
            ingress: [PolicyRule(peers: [], ports: [PolicyPort(port: .name("http"))])])
        var reach = Reachability(cluster: Cluster(pods: pods, policies: [allowHTTP]))
        let notes = reach.splitWorkloadVariants()
        #expect(notes.count == 1)
        #expect(reach.cluster.pods.map(\.workload.description) == ["a/api[Deployment]{pod=api-8080}", "a/api[Deployment]{pod=api-9090}"])
    }
}
