import KubeReachCore

/// A numeric port that none of the destination pods declares, when every one of them does
/// declare its ports: usually a wrong number (a Service port, an old port, a typo), which
/// leaves the real port closed. Ports that are some Service's port are
/// `service-port-not-target-port`'s to report.
struct NumericPortUndeclared: LintRule {
    let id = "numeric-port-undeclared"
    let severity = Diagnostic.Severity.warning
    let summary = "A numeric port is declared by none of the destination pods, though they all declare their ports"
    let hint =
        "use a port the containers declare (spec.containers[].ports[]), or declare it; for a sidecar injected at runtime (Istio's 15090) add kubereach.io/lint-disable: numeric-port-undeclared to the policy"

    var triggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 8008}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 8080}]"),
            // Declaring ports is optional: a pod that declares none may listen anywhere.
            Example.pod("web") + Example.policy("p", "  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 8008}]"),
            // Another protocol's port is not this rule's business when some pod declares it.
            Example.pod("web", ports: "[{containerPort: 8080}]")
                + Example.pod("api", labels: "{app: api}", ports: "[{containerPort: 9090}]")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: 9090}]"),
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        let services = ServicePortNotTargetPort.servicesByPort(context.cluster.services)
        return context.portSites { $0.numberedPort != nil }.compactMap { site in
            let (n, proto, destinations) = (site.port.numberedPort!, site.port.proto, site.destinations)
            guard !destinations.isEmpty, destinations.allSatisfy({ !$0.ports.isEmpty }),
                !destinations.contains(where: { $0.declares(n, proto) }),
                ServicePortNotTargetPort.servicePort(site.port, destinations, services[n] ?? []) == nil
            else { return nil }
            let declared = Set(destinations.flatMap { $0.ports.filter { $0.proto == proto }.map(\.port) }).sorted()
            let listed = declared.prefix(8).map(String.init).joined(separator: ", ") + (declared.count > 8 ? ", ..." : "")
            return finding(
                "no destination pod declares \(n)/\(proto.rawValue) (they declare \(declared.isEmpty ? "no \(proto.rawValue) port" : listed))",
                policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
