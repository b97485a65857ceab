import KubeReachCore

/// One port name that resolves to different numbers on the pods a rule targets: legal,
/// but the rule then opens different ports on different pods.
struct NamedPortAmbiguous: LintRule {
    let id = "named-port-ambiguous"
    let severity = Diagnostic.Severity.note
    let summary = "A named port resolves to different numbers on the destination pods"
    let hint = "make sure every number is intended, or use numeric ports"

    var triggering: [String] {
        [
            Example.pod("a", ports: "[{name: http, containerPort: 8080}]") + Example.pod("b", ports: "[{name: http, containerPort: 9000}]")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: http}]")
        ]
    }
    var nonTriggering: [String] {
        [
            Example.pod("a", ports: "[{name: http, containerPort: 8080}]") + Example.pod("b", ports: "[{name: http, containerPort: 8080}]")
                + Example.policy("p", "  podSelector: {}\n  ingress:\n  - ports: [{port: http}]")
        ]
    }

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for policy in context.cluster.policies where policy.affectsIngress {
            let selected = context.pods(in: policy.namespace, selectedBy: policy.podSelector)
            for (ri, rule) in policy.ingress.enumerated() {
                for (pi, port) in rule.ports.enumerated() {
                    guard case .name(let name) = port.port else { continue }
                    let numbers = Set(selected.flatMap { $0.ports.filter { $0.name == name && $0.proto == port.proto }.map(\.port) })
                    if numbers.count > 1 {
                        out.append(
                            finding(
                                "named port \(name) resolves to \(numbers.sorted().map(String.init).joined(separator: ", "))",
                                policy: policy, field: "spec.ingress[\(ri)].ports[\(pi)]", at: rule.location))
                    }
                }
            }
        }
        return out
    }
}
