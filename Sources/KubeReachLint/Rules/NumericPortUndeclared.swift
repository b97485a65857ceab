import KubeReachCore

/// A numeric port that none of the destination pods declares, when every one of them does
/// declare its ports: usually a wrong number (a Service port, an old port, a typo), which
/// leaves the real port closed. Ports that are some Service's port are
/// `service-port-not-target-port`'s to report.
struct NumericPortUndeclared: LintRule {
    let id = "numeric-port-undeclared"
    let severity = Diagnostic.Severity.warning
    let summary = "A numeric port is declared by none of the destination pods, though they all declare their ports"
    let hint = "use a port the containers declare (spec.containers[].ports[]), or declare the port if the container listens on it"

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
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            let selected = context.pods(in: policy.namespace, selectedBy: policy.podSelector)
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    let numbered = rule.ports.enumerated().filter { $0.element.numberedPort != nil }
                    if numbered.isEmpty { continue }
                    let destinations = context.destinations(of: rule, direction, in: policy, selected: selected)
                    guard !destinations.isEmpty, destinations.allSatisfy({ !$0.ports.isEmpty }) else { continue }
                    for (pi, port) in numbered {
                        let n = port.numberedPort!
                        if destinations.contains(where: { $0.declares(n, port.proto) })
                            || ServicePortNotTargetPort.servicePort(port, destinations, services[n] ?? []) != nil
                        {
                            continue
                        }
                        let declared = Set(destinations.flatMap { $0.ports.filter { $0.proto == port.proto }.map(\.port) }).sorted()
                        let listed = declared.prefix(8).map(String.init).joined(separator: ", ") + (declared.count > 8 ? ", ..." : "")
                        out.append(
                            finding(
                                "no destination pod declares \(n)/\(port.proto.rawValue) (they declare \(declared.isEmpty ? "no \(port.proto.rawValue) port" : listed))",
                                policy: policy, field: LintContext.rulePath(direction, ri) + ".ports[\(pi)]", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
