import KubeReachCore
import Testing

/// A Service resolved to its backends: selector in its namespace, target ports per pod
/// (named ones looked up in each pod's container ports), and the any-backend verdict.
@Suite struct ServiceBackendsTests {
    static let web = Pod(
        namespace: "shop", name: "web", labels: ["app": "web"], ports: [ContainerPort(name: "http", port: 8080)],
        workload: WorkloadRef(namespace: "shop", name: "web", kind: "Deployment"))
    static let canary = Pod(
        namespace: "shop", name: "web-canary", labels: ["app": "web", "track": "canary"], ports: [ContainerPort(name: "http", port: 9090)],
        workload: WorkloadRef(namespace: "shop", name: "web-canary", kind: "Deployment"))
    static let noName = Pod(namespace: "shop", name: "bare", labels: ["app": "web"], ips: [IPAddress("10.244.0.9")!])
    static let elsewhere = Pod(namespace: "other", name: "web", labels: ["app": "web"])
    static let cluster = Cluster(pods: [web, canary, noName, elsewhere], services: [service])
    static let service = Service(
        namespace: "shop", name: "web", selector: ["app": "web"],
        ports: [
            Service.Port(name: "http", port: 80, targetPort: .name("http")), Service.Port(port: 443, targetPort: .number(8443)),
            Service.Port(port: 53, proto: .udp),
        ], clusterIPs: [IPAddress("10.96.0.20")!])

    @Test func backendsAreSelectedPodsOfTheNamespace() {
        #expect(Self.cluster.backends(of: Self.service) == [0, 1, 2])
        #expect(Self.cluster.backends(of: Service(namespace: "shop", name: "x", selector: [:], ports: [])).isEmpty)
        #expect(Self.cluster.service(for: .address(IPAddress("10.96.0.20")!))?.name == "web")
        #expect(Self.cluster.service(for: .object(namespace: "shop", kind: "svc", name: "web"))?.name == "web")
        #expect(Self.cluster.service(for: .object(namespace: "shop", kind: nil, name: "web")) == nil)
    }

    @Test func targetPortsResolvePerPod() {
        let http = Self.service.ports[0], https = Self.service.ports[1], dns = Self.service.ports[2]
        #expect(Self.service.targetPort(of: http, on: Self.web) == 8080)
        #expect(Self.service.targetPort(of: http, on: Self.canary) == 9090)
        #expect(Self.service.targetPort(of: http, on: Self.noName) == nil)
        #expect(Self.service.targetPort(of: https, on: Self.noName) == 8443)
        #expect(Self.service.targetPort(of: dns, on: Self.web) == 53)
    }

    @Test func portsAskedAbout() {
        #expect(Self.service.ports(asked: 80, protocol: nil).map(\.port) == [80])
        #expect(Self.service.ports(asked: 53, protocol: nil).isEmpty)
        #expect(Self.service.ports(asked: 53, protocol: .udp).map(\.port) == [53])
        #expect(Self.service.ports(asked: nil, protocol: .tcp).map(\.port) == [80, 443])
        #expect(Self.service.ports(asked: nil, protocol: nil).count == 3)
    }

    @Test func allowedWhenOneBackendAnswers() {
        // The source may send TCP 8080 only: the web backend answers on 80, the canary does not.
        let answers = Self.service.answers(
            backends: [0, 1, 2], in: Self.cluster, ports: Self.service.ports(asked: 80, protocol: nil),
            connectionsTo: { _ in ConnectionSet(.tcp, PortSet(port: 8080)) })
        #expect(answers.map(\.allowed) == [true, false, false])
        #expect(answers.map(\.target) == [8080, 9090, nil])
        #expect(BackendAnswer.connections(answers) == ConnectionSet(.tcp, PortSet(port: 80)))
    }
}
