import KubeReachCore

/// A named port resolves on the destination pods; when none declares it (with that
/// protocol), that part of the rule allows nothing.
struct NamedPortUndeclared: LintRule {
    let id = "named-port-undeclared"
    let severity = Diagnostic.Severity.warning
    let summary = "A named port is not declared by any destination pod with that protocol"
    let hint = "use the port name the containers declare (spec.containers[].ports[].name), or a number"

    var triggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: https}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("web", ports: "[{name: http, containerPort: 8080}]")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: http}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        context.portSites { if case .name = $0.port { true } else { false } }.compactMap { site in
            guard case .name(let name) = site.port.port, !site.destinations.isEmpty,
                !site.destinations.contains(where: { $0.ports.contains { $0.name == name && $0.proto == site.port.proto } })
            else { return nil }
            let other = site.destinations.contains { $0.ports.contains { $0.name == name } }
            let why = other ? "is declared with another protocol" : "is not declared by any destination pod"
            return finding(
                "named port \(name)/\(site.port.proto.rawValue) \(why)", policy: site.policy, field: site.path, at: site.rule.location)
        }
    }
}
