import KubeReachAnalysis
import KubeReachCore
import KubeReachTestSupport
import Testing

/// `ConnectivityDiff` on hand-built snapshots whose answer is known.
@Suite struct ConnectivityDiffTests {
    static let tcp80 = ConnectionSet(.tcp, PortSet(port: 80))
    static let tcp80and443 = ConnectionSet(.tcp, PortSet([80...80, 443...443]))
    static let udp53 = ConnectionSet(.udp, PortSet(port: 53))

    static func range(_ a: String, _ b: String) -> IPRange {
        IPRange(family: .v4, lower: IPAddress(a)!.value, upper: IPAddress(b)!.value)
    }

    static func edge(_ s: Endpoint, _ d: Endpoint, _ c: ConnectionSet) -> ConnectivityEdge {
        ConnectivityEdge(source: s, destination: d, connections: c)
    }

    /// Builds a snapshot; external ranges are given as `(range, [(peer, isSource, conns)])`.
    static func snapshot(_ nodes: [Endpoint], _ edges: [ConnectivityEdge], externals: [IPRange] = []) -> ConnectivitySnapshot {
        ConnectivitySnapshot(
            nodes: Set(nodes), edges: edges, externalRanges: Set(externals))
    }

    @Test func addedRemovedAndChangedPairs() {
        let old = Self.snapshot(
            ["a", "b", "c"], [Self.edge("a", "b", Self.tcp80), Self.edge("a", "c", .all), Self.edge("b", "c", Self.tcp80and443)])
        let new = Self.snapshot(
            ["a", "b", "c"], [Self.edge("a", "b", Self.tcp80and443), Self.edge("b", "a", Self.udp53), Self.edge("b", "c", Self.tcp80)])
        let diff = ConnectivityDiff(old: old, new: new)
        #expect(diff.added == [.init(source: "b", destination: "a", before: .none, after: Self.udp53)])
        #expect(diff.removed == [.init(source: "a", destination: "c", before: .all, after: .none)])
        #expect(diff.changed.map { "\($0.source)>\($0.destination)" } == ["a>b", "b>c"])
        #expect(diff.changed[0].widened == ConnectionSet(.tcp, PortSet(port: 443)))
        #expect(diff.changed[0].narrowed.isEmpty)
        #expect(diff.changed[1].widened.isEmpty)
        #expect(diff.changed[1].narrowed == ConnectionSet(.tcp, PortSet(port: 443)))
        #expect(diff.widens)
    }

    @Test func onlyNarrowingDoesNotWiden() {
        let old = Self.snapshot(["a", "b"], [Self.edge("a", "b", Self.tcp80and443)])
        let new = Self.snapshot(["a", "b"], [Self.edge("a", "b", Self.tcp80)])
        let diff = ConnectivityDiff(old: old, new: new)
        #expect(!diff.widens)
        #expect(diff.changed.count == 1 && diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test func identicalInputsGiveAnEmptyDiff() {
        let s = Self.snapshot(["a", "b"], [Self.edge("a", "b", Self.tcp80)])
        #expect(ConnectivityDiff(old: s, new: s).isEmpty)
    }

    @Test func nodesWithoutEdgesStillAppearAndDisappear() {
        let old = Self.snapshot(["ns/a[Deployment]", "ns/gone[Pod]"], [])
        let new = Self.snapshot(["ns/a[Deployment]", "ns/new[Job]"], [])
        let diff = ConnectivityDiff(old: old, new: new)
        #expect(diff.nodesAdded == ["ns/new[Job]"])
        #expect(diff.nodesRemoved == ["ns/gone[Pod]"])
        #expect(!diff.widens)
    }

    /// `10.0.0.0-10.255.255.255` whole on one side and in halves on the other is no change.
    @Test func rangesCutDifferentlyCompareAsAddresses() {
        let whole = Self.range("10.0.0.0", "10.255.255.255")
        let low = Self.range("10.0.0.0", "10.127.255.255"), high = Self.range("10.128.0.0", "10.255.255.255")
        let old = Self.snapshot(["w"], [Self.edge(Endpoint.external(whole), "w", Self.tcp80)], externals: [whole])
        let new = Self.snapshot(
            ["w"], [Self.edge(Endpoint.external(low), "w", Self.tcp80), Self.edge(Endpoint.external(high), "w", Self.tcp80)],
            externals: [low, high])
        #expect(ConnectivityDiff(old: old, new: new).isEmpty)
    }

    /// A change on part of a range is reported for that part only, and equal neighbours
    /// are merged back (the output does not follow either side's cut).
    @Test func partialRangeChangeIsReportedOnItsPartOnly() {
        let everything = IPRange.everything(.v4)
        let a = Self.range("0.0.0.0", "9.255.255.255"), b = Self.range("10.0.0.0", "10.255.255.255")
        let c = Self.range("11.0.0.0", "255.255.255.255")
        let old = Self.snapshot(["w"], [Self.edge("w", Endpoint.external(everything), .all)], externals: [everything])
        let new = Self.snapshot(
            ["w"],
            [
                Self.edge("w", Endpoint.external(a), .all), Self.edge("w", Endpoint.external(b), Self.tcp80),
                Self.edge("w", Endpoint.external(c), .all),
            ],
            externals: [a, b, c])
        let diff = ConnectivityDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed == [.init(source: "w", destination: Endpoint.external(b), before: .all, after: Self.tcp80)])
        #expect(!diff.widens)
    }

    /// Atoms removed on both sides of a kept atom stay two entries; adjacent ones merge.
    @Test func removedAtomsMergeOnlyWhenContiguous() {
        let a = Self.range("0.0.0.0", "9.255.255.255"), b = Self.range("10.0.0.0", "10.255.255.255")
        let c = Self.range("11.0.0.0", "11.255.255.255"), d = Self.range("12.0.0.0", "255.255.255.255")
        let old = Self.snapshot(
            ["w"], [a, b, c, d].map { Self.edge(Endpoint.external($0), "w", Self.udp53) }, externals: [a, b, c, d])
        let new = Self.snapshot(["w"], [Self.edge(Endpoint.external(b), "w", Self.udp53)], externals: [IPRange.everything(.v4), b])
        let diff = ConnectivityDiff(old: old, new: new)
        let removed = diff.removed.map(\.source)
        #expect(removed == [Endpoint.external(a), Endpoint.external(Self.range("11.0.0.0", "255.255.255.255"))])
    }

    @Test func outputIsSortedByteWise() {
        let old = Self.snapshot(["B", "a", "c"], [])
        let new = Self.snapshot(
            ["B", "a", "c"], [Self.edge("c", "a", .all), Self.edge("a", "c", .all), Self.edge("B", "a", .all), Self.edge("a", "B", .all)])
        let diff = ConnectivityDiff(old: old, new: new)
        #expect(diff.added.map { "\($0.source)>\($0.destination)" } == ["B>a", "a>B", "a>c", "c>a"])
    }
}
