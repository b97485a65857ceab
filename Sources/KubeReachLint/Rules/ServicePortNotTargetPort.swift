import KubeReachCore

/// Policies see the pod's port, after the Service has translated it: a rule that allows a
/// Service's `port` (80) where its pods listen on the `targetPort` (8080) allows nothing
/// the Service needs.
struct ServicePortNotTargetPort: LintRule {
    let id = "service-port-not-target-port"
    let severity = Diagnostic.Severity.warning
    let summary = "A policy port is a Service's port, not the target port its pods listen on"
    let hint = "policies match the pod's port: use the Service's targetPort (or the container port's name)"

    var triggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.service("web", ports: "[{port: 80, targetPort: 8080}]")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 80}]"),
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]") + Example.pod("client", labels: "{app: client}")
                + Example.service("web", ports: "[{port: 80, targetPort: http}]")
                + Example.policy(
                    "p",
                    "  podSelector: {matchLabels: {app: client}}\n  egress:\n  - to: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]"
                ),
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.service("web", ports: "[{port: 80, targetPort: 8080}]")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 8080}]"),
            // The pods listen on the Service's port as well.
            Example.pod("web", ports: "[{containerPort: 80}, {containerPort: 8080}]")
                + Example.service("web", ports: "[{port: 80, targetPort: 8080}]")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 80}]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let byPort = Self.servicesByPort(context.cluster.services)
        if byPort.isEmpty { return [] }
        return context.portSites { $0.numberedPort.map { byPort[$0] != nil } ?? false }.compactMap { site in
            let n = site.port.numberedPort!
            guard let mistake = Self.servicePort(site.port, site.destinations, byPort[n] ?? []) else { return nil }
            return finding(
                "port \(n)/\(site.port.proto.rawValue) is the port of Service \(mistake.service); its pods listen on \(mistake.targets)",
                policy: site.policy, field: site.path, at: site.rule.location)
        }
    }

    /// Services with pods, by each of their port numbers.
    static func servicesByPort(_ services: [Service]) -> [Int: [Service]] {
        var out: [Int: [Service]] = [:]
        for s in services where s.selectsPods {
            for n in Set(s.ports.map(\.port)) { out[n, default: []].append(s) }
        }
        return out
    }

    /// The Service (of some destination) whose `port` this is while no destination listens
    /// on it, with the target ports it maps to.
    static func servicePort(_ port: PolicyPort, _ destinations: [Pod], _ services: [Service]) -> (service: String, targets: String)? {
        guard let n = port.numberedPort, !destinations.contains(where: { $0.declares(n, port.proto) }) else { return nil }
        for service in services {
            let backends = destinations.filter(service.selects)
            for sp in service.ports where sp.port == n && sp.proto == port.proto {
                let targets = Set(backends.compactMap { service.targetPort(of: sp, on: $0) }).subtracting([n])
                if !targets.isEmpty {
                    return ("\(service.namespace)/\(service.name)", targets.sorted().map(String.init).joined(separator: ", "))
                }
            }
        }
        return nil
    }
}

extension PolicyPort {
    /// The single numeric port of the entry (not a range, not a name, not "every port").
    var numberedPort: Int? {
        guard case .number(let n) = port, endPort == nil || endPort == n else { return nil }
        return n
    }
}

extension Pod {
    func declares(_ port: Int, _ proto: NetworkProtocol) -> Bool { ports.contains { $0.port == port && $0.proto == proto } }
}
