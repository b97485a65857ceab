/// Seeded Calico policies (`projectcalico.org/v3`) to add to a `SyntheticCluster` (same
/// namespaces `ns<i>`, labels `app<j>`/`tier`/`version`, pod addresses in 10.0.0.0/8), in one
/// of two mixes:
///
/// - `realistic` (the default, what the benchmark measures): tiers as clusters use them
///   (security, platform, compliance, observability, app), each ending in a Pass to the next
///   tier; a GlobalNetworkPolicy default deny with DNS in the default tier after the
///   Kubernetes NetworkPolicies; namespaced allows by selector, namespace and service
///   account; `nets` only for external ranges (never cutting the pod network) and a few
///   network sets (`SyntheticCalico+Realistic.swift`).
/// - `stress`: every field and action at random — Allow, Deny, Pass and Log rules, orders
///   that tie on purpose, selectors in Calico's whole language (`in`, `not in`, `has`, `!`,
///   `starts with`, `contains`, `||`), nets/notNets over the pod network, port ranges, named
///   ports and `notPorts`, and NetworkSets and GlobalNetworkSets that rule selectors match:
///   for comparisons with other evaluators (`scripts/nca-calico-diff`).
public struct SyntheticCalico: Sendable {
    public let policies: Int
    /// User tiers `tier0…`; 0 writes every policy in the default tier (no Tier objects).
    public let tiers: Int
    public let namespaces: Int
    /// Leave out what IBM's network-config-analyzer refuses (service-account matches,
    /// `global()`): for `scripts/nca-calico-diff`.
    public let ncaCompatible: Bool
    public let mix: Mix
    public let seed: UInt64

    /// Which policies are written.
    public enum Mix: String, Sendable, CaseIterable {
        case realistic, stress
    }

    public init(policies: Int, tiers: Int, namespaces: Int, ncaCompatible: Bool = false, mix: Mix = .realistic, seed: UInt64 = 1) {
        self.policies = policies
        self.mix = mix
        self.tiers = max(0, tiers)
        self.namespaces = max(1, namespaces)
        self.ncaCompatible = ncaCompatible
        self.seed = seed
    }

    static let appTiers = ["web", "api", "db", "cache", "worker", "batch"]
    /// Orders drawn per policy: repeated values make ties (decided by name), nil sorts last.
    static let orders: [Int?] = [nil, 10, 100, 100, 500, 1000, 1000]

    /// The objects as multi-document YAML text (each document starts with `---`).
    public func manifests() -> String {
        guard policies > 0 else { return "" }
        if mix == .realistic { return realisticManifests() }
        var rng = SplitMix64(seed: seed &+ 0xCA11C0)
        var out = ""
        for t in 0..<tiers {
            let action = t % 3 == 2 ? "\n  defaultAction: Pass" : ""
            out +=
                "---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: tier\(t)}\nspec:\n  order: \((t + 1) * 100)\(action)\n"
        }
        for s in 0..<max(1, policies / 50) { out += networkSet(s, &rng) }
        for i in 0..<policies { out += policy(i, &rng) }
        return out
    }

    private func networkSet(_ s: Int, _ rng: inout SplitMix64) -> String {
        let nets = "[198.51.\(s % 256).0/24, 10.\(rng.below(4)).0.0/16]"
        if s % 2 == 0 {
            return
                "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: gset\(s), labels: {role: partners, zone: z\(s % 3)}}\nspec:\n  nets: \(nets)\n"
        }
        return
            "---\napiVersion: projectcalico.org/v3\nkind: NetworkSet\nmetadata: {name: set\(s), namespace: ns\(s % namespaces), labels: {role: partners, zone: z\(s % 3)}}\nspec:\n  nets: \(nets)\n"
    }

    private func policy(_ i: Int, _ rng: inout SplitMix64) -> String {
        let global = rng.chance(0.3)
        var spec = tiers > 0 ? "  tier: tier\(i % tiers)\n" : ""
        if let order = rng.pick(Self.orders) { spec += "  order: \(order)\n" }
        spec += "  selector: \(quoted(subjectSelector(&rng)))\n"
        if global && rng.chance(0.5) {
            spec += "  namespaceSelector: \(quoted("env in {'prod', 'staging'} || team == 'team\(rng.below(12))'"))\n"
        }
        let ingress = (0..<rng.below(3)).map { _ in rule(ingress: true, global: global, &rng) }
        let egress = (0..<rng.below(3)).map { _ in rule(ingress: false, global: global, &rng) }
        if ingress.isEmpty && egress.isEmpty {
            spec += "  types: [Ingress, Egress]\n"
        } else if rng.chance(0.3) {
            spec +=
                "  types: [\([ingress.isEmpty ? nil : "Ingress", egress.isEmpty ? nil : "Egress"].compactMap { $0 }.joined(separator: ", "))]\n"
        }
        if !ingress.isEmpty { spec += "  ingress:\n" + ingress.joined() }
        if !egress.isEmpty { spec += "  egress:\n" + egress.joined() }
        let meta = global ? "{name: gnp\(i)}" : "{name: cnp\(i), namespace: ns\(i % namespaces)}"
        return
            "---\napiVersion: projectcalico.org/v3\nkind: \(global ? "GlobalNetworkPolicy" : "NetworkPolicy")\nmetadata: \(meta)\nspec:\n"
            + spec
    }

    private func subjectSelector(_ rng: inout SplitMix64) -> String {
        switch rng.below(7) {
        case 0: return "app == 'app\(rng.below(max(1, namespaces * 4)))'"
        case 1: return "tier in {'web', 'api'}"
        case 2: return "tier != 'db' && has(app)"
        case 3: return "version starts with 'v\(rng.below(3))'"
        case 4: return "tier not in {'batch', 'cache'}"
        case 5: return "app contains '\(rng.below(10))' && !has(debug)"
        default: return "all()"
        }
    }

    /// One rule (a list item at two spaces), its action drawn from all four.
    private func rule(ingress: Bool, global: Bool, _ rng: inout SplitMix64) -> String {
        let action = rng.pick(["Allow", "Allow", "Allow", "Deny", "Deny", "Pass", "Log"])
        let peer = ingress ? "source" : "destination"
        var out = "  - action: \(action)\n"
        switch rng.below(8) {
        case 0:
            out += "    protocol: TCP\n    \(peer):\n      selector: \(quoted("tier == '\(rng.pick(Self.appTiers))'"))\n"
            if global || rng.chance(0.5) { out += "      namespaceSelector: \(quoted("team == 'team\(rng.below(12))'"))\n" }
            out += (ingress ? "    destination:\n" : "") + "      ports: [http, '8000:8100']\n"
        case 1:
            out +=
                "    protocol: UDP\n    \(peer):\n      nets: [10.\(rng.below(4)).0.0/16]\n      notNets: [10.\(rng.below(4)).\(rng.below(256)).0/24]\n"
            out += ingress ? "    destination:\n      ports: [53, '5000:5100']\n" : "      ports: [53, '5000:5100']\n"
        case 2:
            out +=
                "    protocol: TCP\n    destination:\n      selector: \(quoted("tier == 'db'"))\n      ports: ['5000:6000']\n      notPorts: [5433]\n"
        case 3:
            out += "    protocol: TCP\n    \(peer):\n      nets: [0.0.0.0/0]\n      notNets: [10.0.0.0/8, 169.254.169.254/32]\n"
            out += ingress ? "    destination:\n      ports: [443, http]\n" : "      ports: [443]\n"
        case 4:
            out += "    notProtocol: UDP\n    \(peer):\n      selector: \(quoted("role == 'partners' || app starts with 'app1'"))\n"
        case 5:
            out += "    \(peer):\n      notSelector: \(quoted("tier in {'db', 'cache'}"))\n"
            if !global { out += "      namespaceSelector: \(quoted("all()"))\n" }
        case 6 where !ncaCompatible:
            out += "    protocol: TCP\n    \(peer):\n      serviceAccounts:\n        names: [default]\n"
            out += (ingress ? "    destination:\n" : "") + "      ports: [metrics]\n"
        case 6:
            out += "    protocol: TCP\n    destination:\n      ports: [metrics, 9090]\n"
        default:
            out += "    protocol: ICMP\n"
        }
        return out
    }

    private func quoted(_ selector: String) -> String { "\"\(selector)\"" }
}
