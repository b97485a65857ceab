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
        var out: [LintFinding] = []
        for policy in context.cluster.policies {
            let selected = context.pods(in: policy.namespace, selectedBy: policy.podSelector)
            for direction in PolicyDirection.allCases where policy.affects(direction) {
                for (ri, rule) in policy.rules(direction).enumerated() {
                    let destinations = context.destinations(of: rule, direction, in: policy, selected: selected)
                    for (pi, port) in rule.ports.enumerated() {
                        guard case .name(let name) = port.port, !destinations.isEmpty else { continue }
                        let declared = destinations.contains { $0.ports.contains { $0.name == name && $0.proto == port.proto } }
                        if !declared {
                            let other = destinations.contains { $0.ports.contains { $0.name == name } }
                            let why = other ? "is declared with another protocol" : "is not declared by any destination pod"
                            out.append(
                                finding(
                                    "named port \(name)/\(port.proto.rawValue) \(why)", policy: policy,
                                    field: LintContext.rulePath(direction, ri) + ".ports[\(pi)]", at: rule.location))
                        }
                    }
                }
            }
        }
        return out
    }
}
