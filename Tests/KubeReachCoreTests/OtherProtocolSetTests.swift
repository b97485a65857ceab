import KubeReachCore
import KubeReachSynthetic
import Testing

/// The exact other-protocols part of a connection set (protocol numbers, ICMP messages).
@Suite struct OtherProtocolSetTests {
    /// A probe: a whole protocol number, or one ICMP/ICMPv6 message.
    enum Probe: Hashable {
        case number(Int)
        case message(ICMPFamily, type: Int, code: Int)
    }

    /// A small universe where every boundary case is present: protocol 0, the excluded
    /// numbers, GRE, 255, and ICMP messages at type and code edges (ICMP and ICMPv6 are
    /// probed message by message: "the whole protocol" is not a point).
    static let probes: [Probe] =
        [0, 2, 6, 17, 47, 50, 63, 64, 132, 255].map { .number($0) }
        + ICMPFamily.allCases.flatMap { f in
            [(0, 0), (3, 0), (3, 1), (3, 255), (8, 0), (255, 255)].map { .message(f, type: $0.0, code: $0.1) }
        }

    static func holds(_ s: OtherProtocolSet, _ p: Probe) -> Bool {
        switch p {
        case .number(let n): s.contains(number: n)
        case .message(let f, let t, let c): s.contains(f, type: t, code: c)
        }
    }

    /// Union, intersection and subtraction agree with the same operations on the probes each
    /// set holds, on seeded random sets built from numbers and ICMP pieces.
    @Test func algebraMatchesProbeSets() {
        var rng = SplitMix64(seed: 11)
        func random() -> OtherProtocolSet {
            var s = OtherProtocolSet.none
            for _ in 0..<rng.below(4) {
                switch rng.below(4) {
                case 0: s = s.union(.number([0, 1, 2, 6, 47, 50, 58, 64, 255][rng.below(9)]))
                case 1: s = s.union(.icmp(rng.below(2) == 0 ? .v4 : .v6, type: nil, code: nil))
                case 2: s = s.union(.icmp(.v4, type: [0, 3, 8][rng.below(3)], code: nil))
                default: s = s.union(.icmp(.v6, type: [3, 8, 255][rng.below(3)], code: [0, 1, 255][rng.below(3)]))
                }
            }
            return rng.below(6) == 0 ? .all.subtracting(s) : s
        }
        for _ in 0..<400 {
            let a = random(), b = random()
            for p in Self.probes {
                let x = Self.holds(a, p), y = Self.holds(b, p)
                #expect(Self.holds(a.union(b), p) == (x || y))
                #expect(Self.holds(a.intersection(b), p) == (x && y))
                #expect(Self.holds(a.subtracting(b), p) == (x && !y))
            }
            #expect(a.union(b) == b.union(a))
            #expect(a.subtracting(b).union(a.intersection(b)) == a)
        }
    }

    @Test func wholeProtocolsAndTheirMessages() {
        let icmp = OtherProtocolSet.number(1)
        #expect(icmp.contains(number: 1) && icmp.contains(.v4, type: 8, code: 0) && !icmp.contains(.v6, type: 8, code: 0))
        let echo = OtherProtocolSet.icmp(.v4, type: 8, code: nil)
        #expect(!echo.contains(number: 1) && echo.contains(.v4, type: 8, code: 3) && !echo.contains(.v4, type: 0, code: 0))
        #expect(OtherProtocolSet.number(6).isEmpty && OtherProtocolSet.number(132).isEmpty && OtherProtocolSet.number(300).isEmpty)
        #expect(OtherProtocolSet.all.contains(number: 0) && OtherProtocolSet.all.contains(number: 255))
        #expect(!OtherProtocolSet.all.contains(number: 17))
        let everyType = (0...255).reduce(OtherProtocolSet.none) { $0.union(.icmp(.v6, type: $1, code: nil)) }
        #expect(everyType == .number(58))
    }

    @Test(arguments: [
        (OtherProtocolSet.all, "other protocols"),
        (.number(1), "ICMP"),
        (.icmp(.v4, type: 8, code: nil).union(.icmp(.v4, type: 3, code: 1)), "ICMP 3/1,8"),
        (.icmp(.v6, type: 1, code: nil).union(.icmp(.v6, type: 2, code: nil)), "ICMPv6 1-2"),
        (.number(47).union(.number(50)).union(.number(51)).union(.number(0)), "protocol 0,47,50-51"),
        (.number(58).union(.number(47)), "ICMPv6,protocol 47"),
    ])
    func text(set: OtherProtocolSet, expected: String) {
        #expect(set.description == expected)
    }

    @Test func connectionSetsCarryTheParts() {
        #expect(ConnectionSet.protocolNumber(6) == ConnectionSet(.tcp, .all))
        #expect(ConnectionSet.protocolNumber(132) == ConnectionSet(.sctp, .all))
        let icmpEcho = ConnectionSet(others: .icmp(.v4, type: 8, code: 0))
        let web = ConnectionSet(.tcp, PortSet(port: 80)).union(icmpEcho)
        #expect(web.description == "TCP 80,ICMP 8/0")
        #expect(!web.otherProtocols && !web.isAll)
        #expect(
            ConnectionSet.all.subtracting(icmpEcho).description
                == "SCTP 1-65535,TCP 1-65535,UDP 1-65535,\(ConnectionSet.all.others.subtracting(icmpEcho.others))")
        #expect(ConnectionSet.all.subtracting(icmpEcho).union(icmpEcho).isAll)
        #expect(ConnectionSet(otherProtocols: true).others.isAll)
    }
}
