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
    /// Union, intersection and subtraction against plain integer sets, on seeded random
    /// range lists over a small port universe (adjacent, nested and overlapping ranges).
    @Test func operationsMatchAPlainSetModel() {
        var rng = SplitMix64(seed: 7)
        func random() -> (PortSet, Set<Int>) {
            var ranges: [ClosedRange<Int>] = []
            for _ in 0..<rng.below(5) {
                let lo = 1 + rng.below(40)
                ranges.append(lo...(lo + rng.below(6)))
            }
            return (PortSet(ranges), Set(ranges.flatMap { Array($0) }))
        }
        func model(_ p: PortSet) -> Set<Int> { Set(p.ranges.flatMap { Array($0) }) }
        for _ in 0..<500 {
            let (a, sa) = random(), (b, sb) = random()
            #expect(model(a.union(b)) == sa.union(sb))
            #expect(a.union(b) == PortSet(a.ranges + b.ranges), "canonical form")
            #expect(model(a.intersection(b)) == sa.intersection(sb))
            #expect(model(a.subtracting(b)) == sa.subtracting(sb))
        }
    }

    @Test func canonicalText() {
        #expect(ConnectionSet.all.description == "All Connections")
        #expect(ConnectionSet.none.description == "No Connections")
        var c = ConnectionSet.allPorts
        c.udp = PortSet.all.subtracting(PortSet(port: 5353))
        #expect(c.description == "SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535")
        c.otherProtocols = true
        #expect(c.description == "SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535,other protocols")
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
