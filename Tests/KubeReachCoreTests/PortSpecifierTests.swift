import KubeReachCore
import Testing

/// The one protocol/port notation: every accepted spelling with what it stands for, the
/// rejected ones, and port names resolved on destination pods.
@Suite struct PortSpecifierTests {
    @Test(arguments: [
        ("80", "TCP 80"), ("tcp/80", "TCP 80"), ("TCP/80", "TCP 80"), ("udp/53", "UDP 53"), ("Udp/53", "UDP 53"),
        ("sctp/9", "SCTP 9"), ("tcp-8080", "TCP 8080"), ("UDP-53", "UDP 53"), ("tcp/8000-8090", "TCP 8000-8090"),
        ("8000-8090", "TCP 8000-8090"), ("tcp", "TCP 1-65535"), ("all", "All Connections"), (" tcp/443 ", "TCP 443"),
    ])
    func spellings(text: String, connections: String) throws {
        #expect(try PortSpecifier.parse(text).connections(on: nil).description == connections)
    }

    @Test(arguments: [
        ("metrics", nil, "metrics"), ("tcp/metrics", NetworkProtocol.tcp, "metrics"), ("udp/dns", .udp, "dns"),
        ("http-alt", nil, "http-alt"), ("9090x", nil, "9090x"),
    ])
    func names(text: String, proto: NetworkProtocol?, name: String) throws {
        #expect(try PortSpecifier.parse(text) == PortSpecifier(proto: proto, port: .name(name)))
    }

    @Test(arguments: ["tcp/0", "65536", "tcp/90-80", "icmp/8", "tcp/", "/80", "tcp/-x", "a-very-long-port-name", "tcp/1-2-3", ""])
    func rejected(text: String) {
        #expect(throws: PortSpecifier.ParseError.self) { try PortSpecifier.parse(text) }
    }

    static let a = Pod(
        namespace: "ns", name: "a", ports: [ContainerPort(name: "metrics", port: 9090), ContainerPort(name: "dns", port: 53, proto: .udp)])
    static let b = Pod(namespace: "ns", name: "b", ports: [ContainerPort(name: "metrics", port: 9091)])

    @Test func namesResolveOnTheDestinationPods() throws {
        let metrics = try PortSpecifier.parse("metrics")
        #expect(try metrics.singlePort(on: [Self.a])! == (.tcp, 9090))
        #expect(try metrics.connections(on: [Self.a, Self.b]).description == "TCP 9090-9091")
        #expect(try PortSpecifier.parse("dns").singlePort(on: [Self.a])! == (.udp, 53))
        // Two numbers for one name: one port cannot be asked about.
        #expect(throws: PortSpecifier.ResolveError.self) { try metrics.singlePort(on: [Self.a, Self.b]) }
        // The protocol must match, the name must exist, and a name needs a destination.
        let wrong = #expect(throws: PortSpecifier.ResolveError.self) { try PortSpecifier.parse("udp/metrics").singlePort(on: [Self.a]) }
        #expect(wrong?.description == "no container port named 'metrics' on the destination (its named ports: dns, metrics)")
        #expect(throws: PortSpecifier.ResolveError.self) { try metrics.connections(on: nil) }
        #expect(throws: PortSpecifier.ResolveError.self) { try PortSpecifier.parse("tcp/80-81").singlePort(on: nil) }
        #expect(try PortSpecifier.parse("tcp").singlePort(on: nil) == nil)
    }
}
