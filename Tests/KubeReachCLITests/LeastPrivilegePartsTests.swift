import KubeReachAnalysis
import KubeReachCore
import KubeReachYAML
import Testing

@testable import KubeReachCLI

/// The small parts of `generate least-privilege`, table-driven: port notation, CIDR cover,
/// the intent YAML subset, CSV fields, and the greedy stable selector.
@Suite struct LeastPrivilegePartsTests {
    @Test(arguments: [
        ("tcp/8080", "TCP 8080"), ("UDP/53", "UDP 53"), ("tcp/8000-8090", "TCP 8000-8090"), ("sctp/9", "SCTP 9"),
        ("all", "All Connections"), ("8080", "TCP 8080"), ("udp", "UDP 1-65535"),
    ])
    func portSpecs(text: String, expected: String) throws {
        #expect(try PortSpecifier.parse(text).connections(on: nil).description == expected)
    }

    @Test(arguments: ["tcp/0", "tcp/65536", "tcp/90-80", "icmp/8", "tcp/-http", "tcp/1-2-3", "", "tcp/", "a-very-long-port-name"])
    func badPortSpecs(text: String) {
        #expect(throws: PortSpecifier.ParseError.self) { try PortSpecifier.parse(text) }
    }

    @Test(arguments: [
        ("10.0.0.0", "10.255.255.255", ["10.0.0.0/8"]),
        ("0.0.0.0", "255.255.255.255", ["0.0.0.0/0"]),
        ("10.0.0.1", "10.0.0.6", ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"]),
        ("0.0.0.0", "9.255.255.255", ["0.0.0.0/5", "8.0.0.0/7"]),
        ("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ["::/0"]),
        ("203.0.113.5", "203.0.113.5", ["203.0.113.5/32"]),
    ])
    func cidrCover(lower: String, upper: String, expected: [String]) {
        let a = IPAddress(lower)!, b = IPAddress(upper)!
        #expect(IPRange(family: a.family, lower: a.value, upper: b.value).cidrs.map(\.description) == expected)
    }

    @Test func externalPeersExceptPodAddresses() {
        let all = IPRange.everything(.v4)
        let blocks = ExternalPeers.blocks([all], podIPs: [IPAddress("10.0.0.1")!, IPAddress("10.0.0.2")!, IPAddress("10.0.0.3")!])
        #expect(blocks.map(\.description) == ["0.0.0.0/0 except 10.0.0.1/32,10.0.0.2/31"])
        // A block made only of pod addresses is left out.
        #expect(ExternalPeers.blocks([IPRange(family: .v4, lower: 5, upper: 5)], podIPs: [IPAddress(family: .v4, value: 5)]).isEmpty)
        // The internet but not 10.0.0.0/8 nor the metadata address: one block with excepts.
        let ranges = [
            IPRange(family: .v4, lower: 0, upper: IPAddress("9.255.255.255")!.value),
            IPRange(family: .v4, lower: IPAddress("11.0.0.0")!.value, upper: IPAddress("169.254.169.253")!.value),
            IPRange(family: .v4, lower: IPAddress("169.254.169.255")!.value, upper: IPFamily.v4.maxValue),
        ]
        #expect(ExternalPeers.blocks(ranges, podIPs: []).map(\.description) == ["0.0.0.0/0 except 10.0.0.0/8,169.254.169.254/32"])
        // Two CIDRs stay two CIDRs.
        #expect(
            ExternalPeers.blocks([try! CIDR.parse("203.0.113.0/24").range, try! CIDR.parse("198.51.100.0/24").range], podIPs: []).map(
                \.description) == ["198.51.100.0/24", "203.0.113.0/24"])
    }

    @Test(arguments: [
        ("- from: a/b\n  to: c/d\n  ports: [tcp/80, 'udp/53']\n", 1),
        ("- {from: a/b, to: c/d, ports: [all]}  # comment\n- {from: internet, to: c/d, ports: [tcp/443]}\n", 2),
        ("---\n# intents\n- from: a/b\n  to: c/d\n  ports:\n  - tcp/80\n  - udp/53\n- from: c/d\n  to: \"a/b\"\n  ports: tcp/1-9\n", 2),
        ("  - from: a/b\n    to: c/d\n    ports:\n      - tcp/80\n", 1),
    ])
    func intentYAMLForms(text: String, count: Int) throws {
        let records = try IntentDocument.parse(text, file: "f.yaml")
        #expect(records.count == count)
        #expect(records.first?.from == "a/b" || records.first?.from == "internet")
        #expect(records.allSatisfy { $0.ports?.isEmpty == false && $0.to != nil })
    }

    @Test(arguments: [
        ("- from: a/b\n\tto: c/d\n", 2), ("- from: a/b\n  to: c/d\n  to: e/f\n  ports: [all]\n", 3),
        // An unclosed bracket is reported where libyaml notices it: the end of the text.
        ("- from: a/b\n    to: c/d\n", 2), ("- {from: a/b, to: c/d, ports: [all]\n", 2), ("- from: a/b\n  to: c/d\n  ports: [tcp/80\n", 4),
    ])
    func intentYAMLErrorsNameTheirLine(text: String, line: Int) {
        #expect { try IntentDocument.parse(text, file: "f.yaml") } throws: { ($0 as? InputFileError)?.line == line }
    }

    @Test(arguments: [
        ("a,b,c", ["a", "b", "c"]), ("a, \"b,c\" ,d", ["a", "b,c", "d"]), ("\"say \"\"hi\"\"\",x", ["say \"hi\"", "x"]),
        ("a,,", ["a", "", ""]),
    ])
    func csvFields(line: String, expected: [String]) {
        #expect(CSVFields.split(Substring(line)) == expected)
    }

    /// The greedy pick leaves out hash labels, prefers the usual name keys, and adds labels
    /// only until the workload stands alone.
    @Test func stableSelectors() {
        let pods = [
            Pod(
                namespace: "n", name: "web-1", labels: ["app": "web", "tier": "fe", "pod-template-hash": "x1"],
                workload: WorkloadRef(namespace: "n", name: "web", kind: "Deployment")),
            Pod(
                namespace: "n", name: "web-2", labels: ["app": "web", "tier": "fe", "pod-template-hash": "x2"],
                workload: WorkloadRef(namespace: "n", name: "web", kind: "Deployment")),
            Pod(
                namespace: "n", name: "api", labels: ["app": "api", "tier": "be"],
                workload: WorkloadRef(namespace: "n", name: "api", kind: "Deployment")),
            Pod(
                namespace: "n", name: "api-canary", labels: ["app": "api", "tier": "be", "track": "canary"],
                workload: WorkloadRef(namespace: "n", name: "api-canary", kind: "Deployment")),
            Pod(namespace: "n", name: "loner", labels: [:]),
        ]
        let cluster = Cluster(pods: pods)
        let s = StableSelectors(cluster: cluster)
        let w = { (name: String, kind: String) in WorkloadRef(namespace: "n", name: name, kind: kind) }
        #expect(s.selector[w("web", "Deployment")]?.description == "app=web")
        #expect(s.selector[w("api-canary", "Deployment")]?.description == "track=canary")
        // `api` has no label that `api-canary` lacks: a superset, listed.
        #expect(s.alsoSelected(by: w("api", "Deployment"), in: cluster) == [w("api-canary", "Deployment")])
        // No label at all: the selector takes the whole namespace.
        #expect(s.selector[w("loner", "Pod")]?.isEmpty == true)
        #expect(s.alsoSelected(by: w("loner", "Pod"), in: cluster).count == 3)
    }
}
