import KubeReachCore

/// Tests write endpoints as results print them (`a/web[Deployment]`, `ns/pod`, `ns`,
/// `10.0.0.0-10.255.255.255[External]`); only tests read printed names back.
extension Endpoint: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(printed: text) }

    public init(printed text: String) {
        let suffix = "[External]"
        if text.hasSuffix(suffix) {
            let parts = text.dropLast(suffix.count).split(separator: "-").map { IPAddress(String($0))! }
            self = .external(IPRange(family: parts[0].family, lower: parts[0].value, upper: parts[1].value))
            return
        }
        switch try! EndpointReference.parse(text) {
        case .object(let ns?, let kind?, let name): self = .workload(WorkloadRef(namespace: ns, name: name, kind: kind))
        case .object(let ns?, nil, let name): self = .pod(namespace: ns, name: name)
        case .object(nil, nil, let name): self = .namespace(name)
        default: fatalError("not a printed endpoint: \(text)")
        }
    }
}
