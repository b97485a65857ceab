import KubeReachCore
import Testing

/// The one reference grammar of the command line, and its one matcher over typed endpoints.
@Suite struct EndpointReferenceTests {
    static let web = Endpoint.workload(WorkloadRef(namespace: "shop", name: "web", kind: "Deployment"))
    static let pod = Endpoint.pod(namespace: "shop", name: "web-0")
    static let ns = Endpoint.namespace("shop")
    static let range = Endpoint.external(IPRange(family: .v4, lower: 0x0A00_0000, upper: 0x0AFF_FFFF))

    static let parsed: [(String, String?, EndpointReference)] = [
        ("internet", nil, .internet),
        ("10.1.2.3", nil, .address(IPAddress("10.1.2.3")!)),
        ("10.0.0.0/8", nil, .range(try! CIDR.parse("10.0.0.0/8"))),
        ("shop/*", nil, .namespace("shop")),
        ("web", nil, .object(namespace: nil, kind: nil, name: "web")),
        ("web", "shop", .object(namespace: "shop", kind: nil, name: "web")),
        ("shop/web", nil, .object(namespace: "shop", kind: nil, name: "web")),
        ("shop/Deployment/web", nil, .object(namespace: "shop", kind: "Deployment", name: "web")),
        ("shop/web[Deployment]", nil, .object(namespace: "shop", kind: "Deployment", name: "web")),
        ("web[Pod]", "x", .object(namespace: "x", kind: "Pod", name: "web")),
    ]

    @Test(arguments: parsed)
    func parses(_ text: String, _ defaultNamespace: String?, _ expected: EndpointReference) throws {
        #expect(try EndpointReference.parse(text, defaultNamespace: defaultNamespace) == expected)
    }

    @Test(arguments: ["", "/", "a/", "/b", "a//b", "a/b/c/d", "a/b[]", "[Pod]", "10.0.0.0/33", "10.0.0.0/8/x"])
    func refusesMalformed(_ text: String) {
        #expect(throws: EndpointReference.ParseError.self) { try EndpointReference.parse(text) }
    }

    static let matching: [(String, Endpoint, Bool)] = [
        ("web", web, true), ("shop/web", web, true), ("other/web", web, false),
        ("shop/deployments/web", web, true), ("shop/Deployment/web", web, true), ("shop/StatefulSet/web", web, false),
        ("shop/web[Deployment]", web, true), ("shop/*", web, true), ("other/*", web, false),
        ("web-0", pod, true), ("shop/Pod/web-0", pod, true), ("shop/Deployment/web-0", pod, false),
        ("shop", ns, true), ("shop/*", ns, true), ("shop/shop", ns, false),
        ("internet", range, true), ("10.20.30.40", range, true), ("11.0.0.1", range, false),
        ("10.0.0.0/8", range, true), ("0.0.0.0/0", range, true), ("10.0.0.0/16", range, false),
        ("internet", web, false), ("web", range, false),
    ]

    @Test(arguments: matching)
    func matches(_ text: String, _ endpoint: Endpoint, _ expected: Bool) throws {
        #expect(try EndpointReference.parse(text).matches(endpoint) == expected)
    }

    @Test func selectorsAreKeyValueLists() throws {
        #expect(try EndpointReference.parseSelector("app=db, tier=data") == .selector(["app": "db", "tier": "data"]))
        #expect(try EndpointReference.parseSelector("tier=") == .selector(["tier": ""]))
        for bad in ["", "app", "=db", "app=db,app=web", "app=db,"] {
            #expect(throws: EndpointReference.ParseError.self) { try EndpointReference.parseSelector(bad) }
        }
    }

    /// Printed names are today's text; the external suffix is written in one place.
    @Test func endpointsPrintAsBefore() {
        #expect(Self.web.description == "shop/web[Deployment]")
        #expect(Self.pod.description == "shop/web-0")
        #expect(Self.ns.description == "shop")
        #expect(Self.range.description == "10.0.0.0-10.255.255.255[External]")
        #expect(Endpoint.address(IPAddress("8.8.8.8")!).description == "8.8.8.8[External]")
        #expect([Self.range, Self.web, Self.ns, Self.pod].sortedByName() == [Self.range, Self.ns, Self.pod, Self.web])
    }
}
