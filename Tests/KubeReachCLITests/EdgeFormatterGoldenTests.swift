import Foundation
import KubeReachCore
import KubeReachRender
import KubeReachTestSupport
import Testing

/// A small cluster built in code: default deny in `db`, web -> api on TCP 8080, api -> db
/// on the named port `pg`, ingress to web from 0.0.0.0/0 except 10.0.0.0/8, and a pod with
/// awkward characters in its name to exercise escaping.
enum GoldenCluster {
    static let cluster: Cluster = {
        let web = Pod(
            namespace: "shop", name: "web-1", labels: ["app": "web"],
            workload: WorkloadRef(namespace: "shop", name: "web", kind: "Deployment"))
        let api = Pod(
            namespace: "shop", name: "api-1", labels: ["app": "api"], ports: [ContainerPort(name: "http", port: 8080)],
            workload: WorkloadRef(namespace: "shop", name: "api", kind: "Deployment"))
        let db = Pod(
            namespace: "db", name: "pg-0", labels: ["app": "pg"], ports: [ContainerPort(name: "pg", port: 5432)],
            workload: WorkloadRef(namespace: "db", name: "pg", kind: "StatefulSet"))
        let odd = Pod(namespace: "shop", name: "odd,\"name|x", labels: ["app": "odd"])
        let denyDB = NetworkPolicy(namespace: "db", name: "deny", policyTypes: [.ingress, .egress])
        let allowPG = NetworkPolicy(
            namespace: "db", name: "allow-api", podSelector: LabelSelector(matchLabels: ["app": "pg"]),
            ingress: [
                PolicyRule(
                    peers: [.selector(pods: LabelSelector(matchLabels: ["app": "api"]), namespaces: LabelSelector())],
                    ports: [PolicyPort(port: .name("pg"))])
            ])
        let apiIngress = NetworkPolicy(
            namespace: "shop", name: "api-from-web", podSelector: LabelSelector(matchLabels: ["app": "api"]),
            ingress: [
                PolicyRule(
                    peers: [.selector(pods: LabelSelector(matchLabels: ["app": "web"]), namespaces: nil)],
                    ports: [PolicyPort(port: .number(8080)), PolicyPort(proto: .udp, port: .number(5000), endPort: 6000)])
            ])
        let webIngress = NetworkPolicy(
            namespace: "shop", name: "web-from-internet", podSelector: LabelSelector(matchLabels: ["app": "web"]),
            ingress: [
                PolicyRule(
                    peers: [.ipBlock(IPBlock(cidr: try! CIDR.parse("0.0.0.0/0"), except: [try! CIDR.parse("10.0.0.0/8")]))],
                    ports: [PolicyPort(port: .number(443))])
            ])
        var c = Cluster(
            namespaces: [Namespace(name: "shop"), Namespace(name: "db")], pods: [web, api, db, odd],
            policies: [denyDB, allowPG, apiIngress, webIngress])
        c.addImplicitNamespaces()
        return c
    }()
}

@Suite struct EdgeFormatterGoldenTests {
    @Test(arguments: ListFormat.allCases, AggregationLevel.allCases)
    func render(format: ListFormat, level: AggregationLevel) throws {
        let reach = Reachability(cluster: GoldenCluster.cluster)
        let text = EdgeFormatter.render(reach.edges(level: level), as: format)
        try assertSnapshot(text, named: "golden-\(level.rawValue).\(format.rawValue)")
    }

    @Test func emptyListRendersEmptyButValid() {
        #expect(EdgeFormatter.render([], as: .txt) == "")
        let empty = try? JSONDecoder().decode(ConnectionListDocument.self, from: Data(EdgeFormatter.render([], as: .json).utf8))
        #expect(empty?.connections.isEmpty == true && empty?.version == 1)
        #expect(EdgeFormatter.render([], as: .csv) == "src,dst,conn\r\n")
        #expect(EdgeFormatter.render([], as: .md).hasPrefix("| Source |"))
    }
}
