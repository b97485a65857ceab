import KubeReachCore
import KubeReachRender
import KubeReachTestSupport
import Testing

/// The diagram builder on hand-written connectivity lists whose drawing is known.
@Suite struct DiagramBuilderTests {
    static let all = ConnectionSet.all
    static let tcp80 = ConnectionSet(.tcp, PortSet([80...80]))

    static func e(_ s: Endpoint, _ d: Endpoint, _ c: ConnectionSet = all) -> ConnectivityEdge {
        ConnectivityEdge(source: s, destination: d, connections: c)
    }

    /// Every ordered pair of distinct names, with one connection set.
    static func clique(_ names: [Endpoint], _ c: ConnectionSet = all) -> [ConnectivityEdge] {
        names.flatMap { s in names.filter { $0 != s }.map { e(s, $0, c) } }
    }

    @Test func isolatedWorkloadsAreStillDrawn() {
        let d = DiagramBuilder.build(
            edges: [Self.e("a/x[Pod]", "a/y[Pod]")], nodes: ["a/x[Pod]", "a/y[Pod]", "b/alone[Pod]"], level: .workload)
        #expect(d.nodes.map(\.id) == ["a/x[Pod]", "a/y[Pod]", "b/alone[Pod]"])
        #expect(d.nodes.last?.cluster == "b")
        #expect(d.edges.count == 1)
    }

    @Test func twinsBecomeOneGroupAndKeepTheirOutsideEdges() {
        let members: [Endpoint] = ["a/p[Pod]", "a/q[Pod]", "a/r[Pod]"]
        let edges = Self.clique(members) + members.map { Self.e($0, "b/db[Pod]", Self.tcp80) }
        let d = DiagramBuilder.build(edges: edges, nodes: [], level: .workload)
        let group = d.nodes.first { $0.kind == .group }
        #expect(group?.members == members)
        #expect(group?.withinGroup == Self.all)
        #expect(d.edges.map { "\($0.from) -> \($0.to): \($0.connections.description)" } == ["a/p[Pod] +2 -> b/db[Pod]: TCP 80"])
    }

    /// Not twins: r alone reaches the database, so grouping would invent edges for p and q.
    @Test func mutuallyReachingButDifferentWorkloadsAreNotGrouped() {
        let members: [Endpoint] = ["a/p[Pod]", "a/q[Pod]", "a/r[Pod]"]
        let d = DiagramBuilder.build(edges: Self.clique(members) + [Self.e("a/r[Pod]", "b/db[Pod]")], nodes: [], level: .workload)
        #expect(!d.nodes.contains { $0.kind == .group })
    }

    @Test func twinsInDifferentNamespacesAreNotGrouped() {
        let d = DiagramBuilder.build(edges: Self.clique(["a/p[Pod]", "b/q[Pod]", "c/r[Pod]"]), nodes: [], level: .workload)
        #expect(!d.nodes.contains { $0.kind == .group })
        #expect(d.edges.count == 3 && d.edges.allSatisfy(\.bothWays))
    }

    @Test func aWorkloadReachingEveryOtherGetsAMarkerInsteadOfEdges() {
        let others: [Endpoint] = ["b/w[Pod]", "c/x[Pod]", "d/y[Pod]"]
        let edges = others.map { Self.e("a/scanner[Pod]", $0) } + others.map { Self.e($0, "z/sink[Pod]", Self.tcp80) }
        let d = DiagramBuilder.build(edges: edges, nodes: [], level: .workload)
        let scanner = d.nodes.first { $0.id == "a/scanner[Pod]" }
        #expect(scanner?.reachesAll == nil, "the scanner does not reach the sink")
        let full = DiagramBuilder.build(edges: edges + [Self.e("a/scanner[Pod]", "z/sink[Pod]")], nodes: [], level: .workload)
        #expect(full.nodes.first { $0.id == "a/scanner[Pod]" }?.reachesAll == Self.all)
        #expect(!full.edges.contains { $0.from == "a/scanner[Pod]" })
        let noMarkers = DiagramBuilder.build(
            edges: edges + [Self.e("a/scanner[Pod]", "z/sink[Pod]")], nodes: [], level: .workload, options: DiagramOptions(markers: false))
        #expect(noMarkers.edges.filter { $0.from == "a/scanner[Pod]" }.count == 4)
    }

    @Test func aWorkloadEveryOtherReachesGetsAMarker() {
        let others: [Endpoint] = ["b/w[Pod]", "c/x[Pod]", "d/y[Pod]"]
        let d = DiagramBuilder.build(edges: others.map { Self.e($0, "a/dns[Pod]", Self.tcp80) }, nodes: [], level: .workload)
        #expect(d.nodes.first { $0.id == "a/dns[Pod]" }?.reachedByAll == Self.tcp80)
        #expect(d.edges.isEmpty)
    }

    @Test func externalRangesTreatedAlikeMergeIntoOneNode() {
        let edges = [
            Self.e("0.0.0.0-9.255.255.255[External]", "a/web[Pod]"), Self.e("11.0.0.0-255.255.255.255[External]", "a/web[Pod]"),
            Self.e("10.0.0.0-10.255.255.255[External]", "a/web[Pod]", Self.tcp80),
        ]
        let d = DiagramBuilder.build(edges: edges, nodes: [], level: .workload)
        let external = d.nodes.filter { $0.kind == .external }
        #expect(external.map(\.members.count) == [2, 1])
        let dot = DiagramDotWriter.render(d)
        #expect(dot.contains("label=<<B>internet except</B><BR/>10.0.0.0/8>"))
        #expect(dot.contains("label=<<B>10.0.0.0/8</B>>"))
    }

    /// `internet` in a path stands for the external ranges with an edge to the next step.
    @Test func pathIsHighlightedEvenThroughACondensedEdge() {
        let others: [Endpoint] = ["b/w[Pod]", "c/x[Pod]", "d/y[Pod]"]
        let edges =
            others.map { Self.e("a/scanner[Pod]", $0) } + [Self.e("0.0.0.0-255.255.255.255[External]", "a/scanner[Pod]", Self.tcp80)]
        let d = DiagramBuilder.build(
            edges: edges, nodes: [], level: .workload,
            options: DiagramOptions(highlight: ["0.0.0.0-255.255.255.255[External]", "a/scanner[Pod]", "c/x[Pod]"]))
        #expect(d.nodes.first { $0.id == "a/scanner[Pod]" }?.reachesAll == Self.all)
        #expect(
            d.edges.filter(\.highlighted).map { "\($0.from) -> \($0.to)" } == [
                "0.0.0.0/0[External] -> a/scanner[Pod]", "a/scanner[Pod] -> c/x[Pod]",
            ])
        #expect(d.nodes.filter(\.highlighted).count == 3)
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let edges = Self.clique(["a/p[Pod]", "a/q[Pod]", "a/r[Pod]", "b/s[Pod]"]) + [Self.e("b/s[Pod]", "c/t[Pod]", Self.tcp80)]
        let one = DiagramDotWriter.render(DiagramBuilder.build(edges: edges, nodes: ["z/u[Pod]"], level: .workload))
        let two = DiagramDotWriter.render(DiagramBuilder.build(edges: edges.reversed(), nodes: ["z/u[Pod]"], level: .workload))
        #expect(one == two)
    }

    @Test func withoutEdgeLabelsConnectionsGoToTooltips() {
        var d = DiagramBuilder.build(edges: [Self.e("a/x[Pod]", "a/y[Pod]", Self.tcp80)], nodes: [], level: .workload)
        d.edgeLabels = false
        #expect(DiagramDotWriter.render(d).contains("\"a/x[Pod]\" -> \"a/y[Pod]\" [tooltip=\"TCP 80\"]"))
    }

    @Test func longConnectionLabelsWrapAtCommas() {
        let ports = PortSet([80...80, 443...443, 8080...8090, 9000...9000, 9100...9200])
        let d = DiagramBuilder.build(
            edges: [Self.e("a/x[Pod]", "a/y[Pod]", ConnectionSet(tcp: ports, udp: ports))], nodes: [], level: .workload)
        let dot = DiagramDotWriter.render(d)
        #expect(dot.contains("label=<TCP 80,443,8080-8090,9000,<BR/>"))
    }

    /// Past `fanMinimum` edges to (or from) other nodes, a node's fan is a line on it:
    /// those edges go, edges to external ranges and a highlighted path stay.
    @Test func fansBecomeLinesOnTheirNode() {
        let clients: [Endpoint] = ["a/p[Pod]", "b/q[Pod]", "c/r[Pod]", "d/s[Pod]"]
        let dns53 = ConnectionSet(.udp, PortSet([53...53]))
        var edges = clients.map { Self.e($0, "k/dns[Pod]", dns53) } + [Self.e("a/p[Pod]", "b/q[Pod]", Self.tcp80)]
        edges += [Self.e("k/dns[Pod]", "0.0.0.0-255.255.255.255[External]")]
        edges += clients.dropLast().map { Self.e("z/scraper[Pod]", $0, $0 == "a/p[Pod]" ? Self.all : Self.tcp80) }
        var options = DiagramOptions(highlight: ["z/scraper[Pod]", "a/p[Pod]"])
        options.fanMinimum = 3
        let d = DiagramBuilder.build(edges: edges, nodes: [], level: .workload, options: options)
        let dns = d.nodes.first { $0.id == "k/dns[Pod]" }
        #expect(dns?.fanIn == Diagram.Fan(count: 4, of: 5, connections: dns53))
        let scraper = d.nodes.first { $0.id == "z/scraper[Pod]" }
        #expect(scraper?.fanOut == Diagram.Fan(count: 3, of: 5, connections: nil))
        #expect(
            d.edges.map { "\($0.from) -> \($0.to)" } == [
                "a/p[Pod] -> b/q[Pod]", "k/dns[Pod] -> 0.0.0.0/0[External]", "z/scraper[Pod] -> a/p[Pod]",
            ])
        let dot = DiagramDotWriter.render(d)
        #expect(dot.contains("reached by 4 of 5 workloads: UDP 53") && dot.contains("reaches 3 of 5 workloads (connections vary)"))
        #expect(dot.contains("\"legend: fan\""))
        // Without the option every edge is drawn (the render pipeline sets it only past --max-edges).
        #expect(DiagramBuilder.build(edges: edges, nodes: [], level: .workload).edges.count == edges.count)
    }
}
