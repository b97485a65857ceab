import ArgumentParser
import KubeReachCore
import KubeReachRender

/// `kubereach who-selects POD`: the policies that select a pod, per direction.
struct WhoSelectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-selects", abstract: "The NetworkPolicies that select a pod (or workload), per direction.")

    @Argument(help: "A pod or workload: ns/name, ns/Kind/name, or name with -n.")
    var target: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Namespace for a name without one (default: default; live cluster: the context's).")
    var namespace: String?

    func run() throws {
        let ns = try input.defaultNamespace(given: namespace, paths: paths)
        let ref: EndpointReference
        do { ref = try EndpointReference.parse(target, defaultNamespace: ns) } catch { throw CLIError.usage(error.description) }
        let named: [String] = if case .object(let n?, _, _) = ref { [n] } else { [] }
        let cluster = try input.load(paths: paths, namespace: ns, mentioning: named).cluster
        guard case .pods(let pods, let name)? = cluster.resolve(ref) else {
            throw CLIError.notFound("\(target) is not a pod or workload of the input\(cluster.didYouMean(ref))")
        }
        let inspector = PolicyInspector(cluster: cluster, options: input.evaluationOptions)
        let selecting = inspector.policiesSelecting(pod: pods[0])
        var out =
            "\(TerminalText.escaped(name))\(pods.count > 1 ? " (\(pods.count) pods; shown for \(cluster.pods[pods[0]].qualifiedName))" : "")\n"
        if cluster.pods[pods[0]].hostNetwork && input.hostNetwork == .bypass {
            out += "note: a hostNetwork pod; policies that select it are not applied (see --host-network-policy)\n"
        }
        for direction in PolicyDirection.allCases {
            let list = selecting.filter { direction == .ingress ? $0.ingress : $0.egress }.map { cluster.policies[$0.policy] }
            out += "\(direction.rawValue): "
            out +=
                list.isEmpty
                ? "not isolated (no policy selects it for \(direction.rawValue.lowercased()))\n"
                : "isolated by \(list.count) polic\(list.count == 1 ? "y" : "ies")\n"
                    + list.map { "  \(TerminalText.escaped($0.qualifiedName))  \($0.location?.description ?? "")\n" }.joined()
        }
        let idle = selecting.filter { !$0.ingress && !$0.egress }
        for p in idle { out += "note: \(cluster.policies[p.policy].qualifiedName) selects it but affects no direction\n" }
        out += Self.adminTiers(inspector.adminPoliciesHolding(pod: pods[0]), cluster)
        out += Self.calicoTiers(pod: pods[0], cluster, input.evaluationOptions)
        CommandIO.current.out(out)
    }

    /// The admin policies whose subject holds the pod, in evaluation order (nothing when none).
    static func adminTiers(_ holding: [(policy: Int, ingress: Bool, egress: Bool)], _ cluster: Cluster) -> String {
        guard !holding.isEmpty else { return "" }
        var out = "admin tiers (evaluation order):\n"
        for h in holding {
            let p = cluster.adminPolicies[h.policy]
            let dirs = [h.ingress ? "ingress" : nil, h.egress ? "egress" : nil].compactMap { $0 }.joined(separator: ", ")
            out +=
                "  [\(p.tierLabel)] \(TerminalText.escaped(p.name))\(p.priority.map { " priority \($0)" } ?? "")  rules: \(dirs.isEmpty ? "none" : dirs)  \(p.location?.description ?? "")\n"
        }
        return out
    }
}

/// `kubereach show-policy ns/name`: what a policy selects and what each rule admits.
struct ShowPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show-policy", abstract: "The pods a NetworkPolicy selects and the peers each of its rules matches.")

    @Argument(help: "The policy: ns/name.")
    var policy: String

    @Argument(help: "Manifest files or directories ('-' for stdin).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    func run() throws {
        let named = policy.contains("/") ? [String(policy.prefix { $0 != "/" })] : []
        let cluster = try input.load(paths: paths, mentioning: named).cluster
        if let admin = Self.adminPolicy(policy, in: cluster) { return CommandIO.current.out(Self.showAdmin(admin, cluster, input)) }
        guard let index = cluster.policies.firstIndex(where: { $0.qualifiedName == policy }) else {
            if let calico = Self.calicoPolicy(policy, in: cluster) { return CommandIO.current.out(Self.showCalico(calico, cluster, input)) }
            throw CLIError.notFound("no NetworkPolicy \(policy) in the input")
        }
        let p = cluster.policies[index]
        let (selected, rules) = PolicyInspector(cluster: cluster, options: input.evaluationOptions).inspect(policy: index)
        var out = "NetworkPolicy \(TerminalText.escaped(p.qualifiedName))  \(p.location?.description ?? "")\n"
        out += "types: \([p.affectsIngress ? "Ingress" : nil, p.affectsEgress ? "Egress" : nil].compactMap { $0 }.joined(separator: ", "))"
        switch p.policyTypesSource {
        case .listed: out += "\n"
        case .absent: out += " (policyTypes not written: inferred)\n"
        case .empty: out += " (policyTypes: [] defaulted, as the API server does)\n"
        }
        out +=
            "selects \(selected.count) workload(s) with podSelector \(p.podSelector.isEmpty ? "{}" : "{\(p.podSelector.description)}"):\n"
        out += selected.map { "  \(TerminalText.escaped($0))\n" }.joined()
        for rule in rules {
            let key = rule.direction == .ingress ? "ingress" : "egress"
            out += "spec.\(key)[\(rule.index)]  ports: \(rule.ports)  \(rule.location?.description ?? "")\n"
            for peer in rule.peers {
                out +=
                    "  \(peer.peerIndex.map { "\(rule.direction == .ingress ? "from" : "to")[\($0)]: " } ?? "")\(TerminalText.escaped(peer.description))\n"
                for w in peer.workloads { out += "    \(TerminalText.escaped(w))\n" }
                for a in peer.addresses { out += "    \(a)\n" }
                if peer.workloads.isEmpty && peer.addresses.isEmpty { out += "    (matches nothing)\n" }
            }
        }
        if rules.isEmpty { out += "no rules: the selected pods are denied everything in its direction(s)\n" }
        CommandIO.current.out(out)
    }
}
