/// A Calico policy (`projectcalico.org/v3`, or `crd.projectcalico.org/v1` in CRD dumps):
/// a namespaced NetworkPolicy or a GlobalNetworkPolicy, staged or enforced, in a tier.
/// Docs/semantics.md (Calico) says how its rules are ordered and decided.
public struct CalicoPolicy: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case namespaced(String)
        case global
    }

    public var name: String
    public var scope: Scope
    /// `spec.tier`, `default` when absent.
    public var tier: String
    /// `spec.order`; nil sorts after every number.
    public var order: Double?
    /// Which endpoints the policy applies to (`spec.selector`, empty = all()).
    public var selector: CalicoSelector
    /// A GlobalNetworkPolicy's `spec.namespaceSelector` (nil: every namespace and host endpoints).
    public var namespaceSelector: CalicoSelector?
    public var serviceAccountSelector: CalicoSelector?
    /// `spec.types` as written, or as Calico defaults it when absent (see `defaultTypes`).
    public var types: Set<PolicyDirection>
    public var ingress: [CalicoRule]
    public var egress: [CalicoRule]
    /// A StagedNetworkPolicy or StagedGlobalNetworkPolicy: evaluated only when asked.
    public var staged: Bool
    /// Fields that make the policy apply to host endpoints or before DNAT (`doNotTrack`,
    /// `preDNAT`, `applyOnForward`): kubereach models workload endpoints only, so such a
    /// policy is reported, never read as a workload policy.
    public var hostOnlyFields: [String]
    public var location: SourceLocation

    public init(
        name: String, scope: Scope, tier: String = "default", order: Double? = nil, selector: CalicoSelector = .all,
        namespaceSelector: CalicoSelector? = nil, serviceAccountSelector: CalicoSelector? = nil, types: Set<PolicyDirection>? = nil,
        ingress: [CalicoRule] = [], egress: [CalicoRule] = [], staged: Bool = false, hostOnlyFields: [String] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.name = name
        self.scope = scope
        self.tier = tier
        self.order = order
        self.selector = selector
        self.namespaceSelector = namespaceSelector
        self.serviceAccountSelector = serviceAccountSelector
        self.types = types ?? Self.defaultTypes(ingress: ingress, egress: egress)
        self.ingress = ingress
        self.egress = egress
        self.staged = staged
        self.hostOnlyFields = hostOnlyFields
        self.location = location
    }

    /// Calico's defaulting of an absent or empty `types`: Ingress when there are no egress
    /// rules, Egress when there are egress rules but no ingress rules, both when both.
    public static func defaultTypes(ingress: [CalicoRule], egress: [CalicoRule]) -> Set<PolicyDirection> {
        switch (ingress.isEmpty, egress.isEmpty) {
        case (_, true): return [.ingress]
        case (true, false): return [.egress]
        case (false, false): return [.ingress, .egress]
        }
    }

    /// `ns/name` or the bare name of a global policy, for messages.
    public var qualifiedName: String {
        switch scope {
        case .namespaced(let ns): return "\(ns)/\(name)"
        case .global: return name
        }
    }

    public var namespace: String? {
        if case .namespaced(let ns) = scope { return ns }
        return nil
    }

    public func rules(_ direction: PolicyDirection) -> [CalicoRule] { direction == .ingress ? ingress : egress }
}

/// `Allow`, `Deny`, `Pass` (leave the tier) or `Log` (no decision).
public enum CalicoAction: String, Hashable, Sendable, CaseIterable {
    case allow = "Allow"
    case deny = "Deny"
    case pass = "Pass"
    case log = "Log"
}

/// A protocol as Calico names it: a name or a number 1–255.
public enum CalicoProtocol: Hashable, Sendable, CustomStringConvertible {
    case tcp, udp, sctp, icmp, icmpv6, udplite
    case number(Int)

    public init?(name: String) {
        switch name {
        case "TCP": self = .tcp
        case "UDP": self = .udp
        case "SCTP": self = .sctp
        case "ICMP": self = .icmp
        case "ICMPv6": self = .icmpv6
        case "UDPLite": self = .udplite
        default: return nil
        }
    }

    /// The same protocol whichever way it was written (`6` is `TCP`).
    public init?(number: Int) {
        switch number {
        case 6: self = .tcp
        case 17: self = .udp
        case 132: self = .sctp
        case 1: self = .icmp
        case 58: self = .icmpv6
        case 136: self = .udplite
        case 1...255: self = .number(number)
        default: return nil
        }
    }

    /// The transport whose ports kubereach tracks, if this is one.
    public var transport: NetworkProtocol? {
        switch self {
        case .tcp: return .tcp
        case .udp: return .udp
        case .sctp: return .sctp
        default: return nil
        }
    }

    /// Whether Calico allows `ports` with this protocol.
    public var hasPorts: Bool {
        switch self {
        case .tcp, .udp, .sctp, .udplite: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .tcp: return "TCP"
        case .udp: return "UDP"
        case .sctp: return "SCTP"
        case .icmp: return "ICMP"
        case .icmpv6: return "ICMPv6"
        case .udplite: return "UDPLite"
        case .number(let n): return String(n)
        }
    }
}

/// One entry of `ports`/`notPorts`: a number, an inclusive `lo:hi` range, or a named port.
public enum CalicoPort: Hashable, Sendable, CustomStringConvertible {
    case range(Int, Int)
    case named(String)

    public var description: String {
        switch self {
        case .range(let lo, let hi): return lo == hi ? String(lo) : "\(lo):\(hi)"
        case .named(let name): return name
        }
    }
}

/// One rule: all its conditions must hold for its action to apply.
public struct CalicoRule: Hashable, Sendable {
    public var action: CalicoAction
    public var ipVersion: IPFamily?
    public var proto: CalicoProtocol?
    public var notProto: CalicoProtocol?
    /// Paths of the ICMP type/code conditions (`icmp`, `notICMP`) as written.
    public var icmpConditions: [String]
    /// `icmp` and `notICMP`: ICMP messages by type (and code) the rule needs or excludes.
    public var icmp: CalicoICMPMatch? = nil
    public var notICMP: CalicoICMPMatch? = nil
    public var source: CalicoEntityRule
    public var destination: CalicoEntityRule
    /// Application-layer conditions (`http`) that kubereach cannot decide offline.
    public var layer7Fields: [String]
    public var location: SourceLocation

    public init(
        action: CalicoAction, ipVersion: IPFamily? = nil, proto: CalicoProtocol? = nil, notProto: CalicoProtocol? = nil,
        icmpConditions: [String] = [], source: CalicoEntityRule = CalicoEntityRule(), destination: CalicoEntityRule = CalicoEntityRule(),
        layer7Fields: [String] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.action = action
        self.ipVersion = ipVersion
        self.proto = proto
        self.notProto = notProto
        self.icmpConditions = icmpConditions
        self.source = source
        self.destination = destination
        self.layer7Fields = layer7Fields
        self.location = location
    }
}

/// The match on one side of a rule (`source` or `destination`).
public struct CalicoEntityRule: Hashable, Sendable {
    public var nets: [CIDR]
    public var notNets: [CIDR]
    public var selector: CalicoSelector?
    public var notSelector: CalicoSelector?
    public var namespaceSelector: CalicoSelector?
    public var ports: [CalicoPort]
    public var notPorts: [CalicoPort]
    /// `serviceAccounts.names` (nil: not given); both names and selector must hold.
    public var serviceAccountNames: [String]?
    public var serviceAccountSelector: CalicoSelector?
    /// `services` (name, namespace): matched through the Service's endpoints.
    public var service: CalicoServiceMatch?

    public init(
        nets: [CIDR] = [], notNets: [CIDR] = [], selector: CalicoSelector? = nil, notSelector: CalicoSelector? = nil,
        namespaceSelector: CalicoSelector? = nil, ports: [CalicoPort] = [], notPorts: [CalicoPort] = [],
        serviceAccountNames: [String]? = nil, serviceAccountSelector: CalicoSelector? = nil, service: CalicoServiceMatch? = nil
    ) {
        self.nets = nets
        self.notNets = notNets
        self.selector = selector
        self.notSelector = notSelector
        self.namespaceSelector = namespaceSelector
        self.ports = ports
        self.notPorts = notPorts
        self.serviceAccountNames = serviceAccountNames
        self.serviceAccountSelector = serviceAccountSelector
        self.service = service
    }

    /// Whether the side matches every endpoint and address (no condition at all).
    public var isEmpty: Bool { self == CalicoEntityRule() }
}

public struct CalicoServiceMatch: Hashable, Sendable {
    public var name: String
    /// nil: the policy's own namespace.
    public var namespace: String?

    public init(name: String, namespace: String?) {
        self.name = name
        self.namespace = namespace
    }
}

/// An `icmp`/`notICMP` match: a message type and optionally its code (nil: every code).
public struct CalicoICMPMatch: Hashable, Sendable {
    public var type: Int
    public var code: Int?

    public init(type: Int, code: Int? = nil) {
        self.type = type
        self.code = code
    }
}
