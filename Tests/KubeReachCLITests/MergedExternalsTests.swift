import KubeReachCore
import KubeReachRender
import KubeReachSynthetic
import Testing

/// `--externals merged` on seeded random connectivity lists: every split line lands in
/// exactly one merged line, whose printed name reads back to exactly the union of its ranges.
@Suite struct MergedExternalsTests {
    /// Random cut points make ranges that partition each family, as the engine's atoms do.
    static func atoms(_ rng: inout SplitMix64, family: IPFamily) -> [IPRange] {
        let top = IPRange.everything(family).upper
        var cuts = Set<UInt128>()
        for _ in 0..<rng.below(6) {
            let prefix = family == .v4 ? 8 + rng.below(25) : 16 + rng.below(113)
            let shift = UInt128(family.bitWidth - prefix)
            cuts.insert((UInt128(rng.below(1 << 20)) << shift) & top)
            if rng.below(2) == 0 { cuts.insert(((UInt128(rng.below(1 << 20)) + 1) << shift) & top) }
        }
        var lower: UInt128 = 0
        var out: [IPRange] = []
        for c in cuts.sorted() where c > lower {
            out.append(IPRange(family: family, lower: lower, upper: c - 1))
            lower = c
        }
        return out + [IPRange(family: family, lower: lower, upper: top)]
    }

    static func randomEdges(seed: UInt64) -> [ConnectivityEdge] {
        var rng = SplitMix64(seed: seed)
        let ranges = atoms(&rng, family: .v4) + (rng.below(3) == 0 ? atoms(&rng, family: .v6) : [])
        let pods: [Endpoint] = (0..<(2 + rng.below(4))).map {
            .workload(WorkloadRef(namespace: "ns\($0 % 2)", name: "w\($0)", kind: "Deployment"))
        }
        let choices = [ConnectionSet.all, ConnectionSet(.tcp, PortSet(port: 443)), ConnectionSet(.udp, PortSet(port: 53))]
        var edges: [ConnectivityEdge] = []
        for p in pods {
            for r in ranges {
                if rng.below(4) != 0 {
                    edges.append(ConnectivityEdge(source: .external(r), destination: p, connections: choices[rng.below(3)]))
                }
                if rng.below(4) != 0 {
                    edges.append(ConnectivityEdge(source: p, destination: .external(r), connections: choices[rng.below(2)]))
                }
            }
            for q in pods where q != p && rng.below(2) == 0 {
                edges.append(ConnectivityEdge(source: p, destination: q, connections: choices[rng.below(3)]))
            }
        }
        return edges.sorted { $0.source != $1.source ? $0.source < $1.source : $0.destination < $1.destination }
    }

    /// The addresses a merged name stands for: `a,b` CIDRs, or `0.0.0.0/0 except a,b`,
    /// families joined by ` and `.
    static func addresses(_ name: String) throws -> [IPRange] {
        let text = try #require(name.hasSuffix("[External]") ? name.dropLast("[External]".count) : nil)
        return try text.split(separator: " and ").flatMap { part -> [IPRange] in
            let halves = part.split(separator: " except ", maxSplits: 1).map(String.init)
            let blocks = { (list: String) in try list.split(separator: ",").map { try CIDR.parse(String($0)).range } }
            guard halves.count == 2 else { return try blocks(halves[0]) }
            let all = try blocks(halves[0])
            #expect(all.count == 1 && all[0] == IPRange.everything(all[0].family))
            return all[0].subtracting(IPRange.coalesced(try blocks(halves[1])))
        }
    }

    @Test(arguments: 0..<300)
    func mergedLinesCoverTheSplitLinesExactly(seed: Int) throws {
        let edges = Self.randomEdges(seed: UInt64(seed))
        let lines = ListedEdge.lines(edges, .merged)
        // Each split line is a member of exactly one merged line, with the same connections.
        #expect(lines.flatMap(\.members).sorted { "\($0)" < "\($1)" } == edges.sorted { "\($0)" < "\($1)" })
        var seen = Set<[String]>()
        for line in lines {
            #expect(line.members.allSatisfy { $0.connections == line.connections })
            let external = line.sourceIsExternal ? line.source : line.destinationIsExternal ? line.destination : nil
            guard let external else {
                #expect(line.members.count == 1 && line.source == line.members[0].source.description)
                continue
            }
            let inside = line.sourceIsExternal ? line.destination : line.source
            let ranges = line.members.compactMap { (line.sourceIsExternal ? $0.source : $0.destination).externalRange }
            for family in IPFamily.allCases {
                let parsed = IPRange.coalesced(try Self.addresses(external).filter { $0.family == family })
                #expect(parsed == IPRange.coalesced(ranges.filter { $0.family == family }), "\(external)")
            }
            // One line per pair, direction and connection set.
            #expect(seen.insert([inside, line.sourceIsExternal ? "in" : "out", line.connections.description]).inserted)
        }
        #expect(
            lines.map { [$0.source, $0.destination] }
                == lines.map { [$0.source, $0.destination] }.sorted {
                    $0[0] != $1[0] ? $0[0].utf8Precedes($1[0]) : $0[1].utf8Precedes($1[1])
                })
    }

    /// Most of a family's address space is written as an ipBlock would be, with `except`.
    @Test func namesOfMergedRanges() throws {
        func name(_ ranges: [IPRange]) -> String? {
            let web = Endpoint.workload(WorkloadRef(namespace: "a", name: "web", kind: "Deployment"))
            let edges = ranges.map { ConnectivityEdge(source: .external($0), destination: web, connections: .all) }
            return ListedEdge.lines(edges, .merged).first?.source
        }
        let holes = [try CIDR.parse("10.0.0.0/8").range, try CIDR.parse("169.254.169.254/32").range]
        #expect(name(IPRange.everything(.v4).subtracting(holes)) == "0.0.0.0/0 except 10.0.0.0/8,169.254.169.254/32[External]")
        #expect(name([IPRange.everything(.v6), IPRange.everything(.v4)]) == "0.0.0.0/0 and ::/0[External]")
        #expect(
            name([try CIDR.parse("203.0.113.0/24").range, try CIDR.parse("203.0.114.0/24").range])
                == "203.0.113.0/24,203.0.114.0/24[External]")
    }
}
