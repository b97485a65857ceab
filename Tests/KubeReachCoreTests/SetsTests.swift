import KubeReachCore
import KubeReachSynthetic
import Testing

@Suite struct PortSetTests {
    @Test func adjacentRangesMerge() {
        #expect(PortSet([80...80, 81...81]).description == "80-81")
        #expect(PortSet([8080...8090, 80...80]).description == "80,8080-8090")
    }

    @Test func clampsToValidPorts() {
        #expect(PortSet([0...10]).ranges == [1...10])
        #expect(PortSet([65530...70000]).ranges == [65530...65535])
        #expect(PortSet([70000...80000]).isEmpty)
    }

    @Test func algebra() {
        let a = PortSet([1...100]), b = PortSet([50...150])
        #expect(a.union(b) == PortSet([1...150]))
        #expect(a.intersection(b) == PortSet([50...100]))
        #expect(a.subtracting(b) == PortSet([1...49]))
        #expect(PortSet.all.complement.isEmpty)
        #expect(PortSet([53...53]).complement.description == "1-52,54-65535")
        #expect(a.contains(100) && !a.contains(101))
    }
}

@Suite struct ConnectionSetTests {
    @Test func canonicalText() {
        #expect(ConnectionSet.all.description == "All Connections")
        #expect(ConnectionSet.none.description == "No Connections")
        var c = ConnectionSet.all
        c.udp = PortSet.all.subtracting(PortSet(port: 5353))
        #expect(c.description == "SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535")
        let d = ConnectionSet(.udp, PortSet(port: 53)).union(ConnectionSet(.tcp, PortSet([80...80, 8080...8090])))
        #expect(d.description == "TCP 80,8080-8090,UDP 53")
    }

    @Test func structuredRanges() {
        let d = ConnectionSet(.tcp, PortSet([80...81]))
        #expect(d.portRanges.map { "\($0.proto.rawValue) \($0.range)" } == ["TCP 80...81"])
    }
}

@Suite struct IPTests {
    @Test(arguments: [
        ("10.0.0.1", "10.0.0.1"), ("2001:db8::1", "2001:db8::1"), ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("::", "::"), ("::ffff:1.2.3.4", "::ffff:102:304"), ("1:0:0:1:0:0:0:1", "1:0:0:1::1"), ("fe80::", "fe80::"),
    ])
    func parsesAndFormats(input: String, canonical: String) throws {
        #expect(try #require(IPAddress(input)).description == canonical)
    }

    @Test(arguments: ["1.2.3", "256.1.1.1", "1::2::3", "1.2.3.4.5", "", "::g", "1:2:3:4:5:6:7:8:9", "01234::"])
    func rejects(input: String) { #expect(IPAddress(input) == nil) }

    @Test func cidrEdges() throws {
        #expect(try CIDR.parse("0.0.0.0/0").range == .everything(.v4))
        #expect(try CIDR.parse("::/0").range == .everything(.v6))
        let host = try CIDR.parse("10.1.2.3/32").range
        #expect(host.lower == host.upper)
        #expect(try CIDR.parse("2001:db8::1/128").range.lower == IPAddress("2001:db8::1")!.value)
        let masked = try CIDR.parse("10.1.2.3/8")
        #expect(masked.hasHostBits && masked.range.first.description == "10.0.0.0")
        #expect(throws: CIDR.ParseError.self) { try CIDR.parse("10.0.0.0/33") }
        #expect(throws: CIDR.ParseError.self) { try CIDR.parse("10.0.0.0") }
        #expect(throws: CIDR.ParseError.self) { try CIDR.parse("10.0.0.0/-1") }
        #expect(throws: CIDR.ParseError.self) { try CIDR.parse("::/129") }
    }

    @Test func ipBlockRangesSubtractExcepts() throws {
        let b = IPBlock(cidr: try CIDR.parse("10.0.0.0/8"), except: [try CIDR.parse("10.10.0.0/16")])
        #expect(b.ranges.map(\.description) == ["10.0.0.0-10.9.255.255", "10.11.0.0-10.255.255.255"])
    }
}

/// Results do not depend on the order of pods, policies or rules.
@Suite struct OrderInvarianceTests {
    @Test func shufflingChangesNothing() {
        for seed in UInt64(1)...60 {
            let cluster = RandomCluster.make(seed: seed)
            var rng = SplitMix64(seed: seed &* 7919)
            var shuffled = cluster
            shuffled.pods.shuffle(using: &rng)
            shuffled.policies.shuffle(using: &rng)
            for i in shuffled.policies.indices {
                shuffled.policies[i].ingress.shuffle(using: &rng)
                shuffled.policies[i].egress.shuffle(using: &rng)
            }
            shuffled.namespaces.shuffle(using: &rng)
            for level in AggregationLevel.allCases {
                let a = Reachability(cluster: cluster).edges(level: level)
                let b = Reachability(cluster: shuffled).edges(level: level)
                #expect(a == b, "seed \(seed) level \(level)")
            }
        }
    }

    /// Adding an allow rule never removes a connection (policies only add).
    @Test func addingAnAllowRuleOnlyAdds() {
        for seed in UInt64(1)...60 {
            var cluster = RandomCluster.make(seed: seed)
            guard !cluster.policies.isEmpty else { continue }
            let before = Set(Reachability(cluster: cluster).edges(level: .pod).map { "\($0.source)>\($0.destination)" })
            cluster.policies[0].ingress.append(PolicyRule(peers: [], ports: [PolicyPort(proto: .tcp, port: .number(443))]))
            let after = Reachability(cluster: cluster).edges(level: .pod)
            let afterKeys = Set(after.map { "\($0.source)>\($0.destination)" })
            #expect(before.isSubset(of: afterKeys), "seed \(seed)")
        }
    }
}

/// Engine invariants on seeded random clusters.
@Suite struct EngineInvariantTests {
    /// Adding a policy never adds a connection between pods that were not isolated.
    @Test func newPolicyNeverWidensUnisolatedPods() {
        for seed in UInt64(1)...80 {
            let cluster = RandomCluster.make(seed: seed)
            var rng = SplitMix64(seed: seed &+ 1000)
            let before = Reachability(cluster: cluster)
            var changed = cluster
            changed.policies.append(RandomCluster.policy(&rng, index: 99, namespaces: cluster.namespaces.map(\.name)))
            let after = Reachability(cluster: changed)
            for i in cluster.pods.indices where !before.isIsolated(pod: i, .ingress) && !before.isIsolated(pod: i, .egress) {
                for j in cluster.pods.indices where !before.isIsolated(pod: j, .ingress) && !before.isIsolated(pod: j, .egress) {
                    #expect(after.connections(fromPod: i, toPod: j).isSubset(of: before.connections(fromPod: i, toPod: j)), "seed \(seed)")
                }
            }
        }
    }

    /// Default deny as the only policy of every namespace (applied to hostNetwork pods too)
    /// leaves only self traffic, which is never listed.
    @Test func defaultDenyEverywhereLeavesOnlySelfTraffic() {
        for seed in UInt64(1)...80 {
            var cluster = RandomCluster.make(seed: seed)
            cluster.addImplicitNamespaces()
            cluster.policies = []
            for ns in cluster.namespaces {
                cluster.policies.append(NetworkPolicy(namespace: ns.name, name: "deny-all", policyTypes: [.ingress, .egress]))
            }
            let reach = Reachability(cluster: cluster, options: EvaluationOptions(hostNetwork: .apply))
            let edges = reach.edges(level: .pod)
            #expect(edges.isEmpty, "seed \(seed): \(edges.count) edges, first \(edges.first.map { "\($0.source) => \($0.destination)" } ?? "")")
            for i in cluster.pods.indices { #expect(reach.connections(fromPod: i, toPod: i) == .all) }
        }
    }
}
