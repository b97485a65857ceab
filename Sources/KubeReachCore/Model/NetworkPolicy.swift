/// A `networking.k8s.io/v1` NetworkPolicy, validated, with defaults applied.
public struct NetworkPolicy: Hashable, Sendable {
    public var namespace: String
    public var name: String
    public var podSelector: LabelSelector
    /// Effective types: when `policyTypes` is absent **or empty** (`[]`: the API server
    /// defaults any zero-length list), Ingress, plus Egress when there is at least one
    /// egress rule (Docs/semantics.md §2).
    public var affectsIngress: Bool
    public var affectsEgress: Bool
    /// How the manifest wrote `policyTypes`.
    public var policyTypesSource: PolicyTypesSource
    /// True when the manifest listed the types (lint uses it); `policyTypes: []` is
    /// defaulted, so it counts as not written.
    public var policyTypesWritten: Bool { policyTypesSource == .listed }
    /// False when the manifest had no `metadata.namespace` (it then lands in `default`,
    /// or wherever `kubectl apply -n` sends it: lint says so).
    public var namespaceWritten = true
    /// The annotations the loader keeps (`Annotations.kept`), e.g. `kubereach.io/lint-disable`.
    public var annotations: [String: String] = [:]
    public var ingress: [PolicyRule]
    public var egress: [PolicyRule]
    public var location: SourceLocation?

    public init(
        namespace: String, name: String, podSelector: LabelSelector = .everything, ingress: [PolicyRule] = [],
        egress: [PolicyRule] = [], policyTypes: Set<PolicyDirection>? = nil, location: SourceLocation? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.podSelector = podSelector
        self.ingress = ingress
        self.egress = egress
        self.location = location
        if let policyTypes, !policyTypes.isEmpty {
            policyTypesSource = .listed
            affectsIngress = policyTypes.contains(.ingress)
            affectsEgress = policyTypes.contains(.egress)
        } else {
            policyTypesSource = policyTypes == nil ? .absent : .empty
            affectsIngress = true
            affectsEgress = !egress.isEmpty
        }
    }

    /// `ns/name`
    public var qualifiedName: String { "\(namespace)/\(name)" }

    public func affects(_ d: PolicyDirection) -> Bool { d == .ingress ? affectsIngress : affectsEgress }

    /// Whether the policy applies to the pod: same namespace, and its podSelector takes the
    /// pod's labels (Docs/semantics.md §2). The one place this is decided outside the engine.
    public func selects(_ pod: Pod) -> Bool { namespace == pod.namespace && podSelector.matches(pod.labels) }

    public func rules(_ d: PolicyDirection) -> [PolicyRule] { d == .ingress ? ingress : egress }
}

/// How a NetworkPolicy's manifest wrote `policyTypes`: `.absent` and `.empty` are
/// defaulted alike (Ingress, plus Egress when there are egress rules).
public enum PolicyTypesSource: String, Hashable, Sendable {
    case absent
    /// `policyTypes: []`
    case empty
    case listed
}

public enum PolicyDirection: String, Sendable, Hashable, CaseIterable, Codable {
    case ingress = "Ingress"
    case egress = "Egress"
}

/// One ingress or egress rule. Empty `peers` matches every endpoint; empty `ports` every port.
public struct PolicyRule: Hashable, Sendable {
    public var peers: [PolicyPeer]
    public var ports: [PolicyPort]
    public var location: SourceLocation?

    public init(peers: [PolicyPeer] = [], ports: [PolicyPort] = [], location: SourceLocation? = nil) {
        self.peers = peers
        self.ports = ports
        self.location = location
    }
}

/// One element of `from`/`to`.
public enum PolicyPeer: Hashable, Sendable {
    /// `pods == nil` with a namespace selector means all pods of those namespaces;
    /// `namespaces == nil` means the policy's own namespace. Both nil is invalid.
    case selector(pods: LabelSelector?, namespaces: LabelSelector?)
    case ipBlock(IPBlock)
}

/// `cidr` minus every `except` block.
public struct IPBlock: Hashable, Sendable, CustomStringConvertible {
    public var cidr: CIDR
    public var except: [CIDR]

    public init(cidr: CIDR, except: [CIDR] = []) {
        self.cidr = cidr
        self.except = except
    }

    public func contains(_ a: IPAddress) -> Bool {
        cidr.range.contains(a) && !except.contains { $0.range.contains(a) }
    }

    /// The block as disjoint sorted ranges.
    public var ranges: [IPRange] {
        var out = [cidr.range]
        for e in except.map(\.range).sorted() {
            out = out.flatMap { r -> [IPRange] in
                guard r.overlaps(e) else { return [r] }
                var pieces: [IPRange] = []
                if e.lower > r.lower { pieces.append(IPRange(family: r.family, lower: r.lower, upper: e.lower - 1)) }
                if e.upper < r.upper { pieces.append(IPRange(family: r.family, lower: e.upper + 1, upper: r.upper)) }
                return pieces
            }
        }
        return out
    }

    public var description: String {
        except.isEmpty ? cidr.description : "\(cidr.description) except \(except.map(\.description).joined(separator: ","))"
    }
}

/// One element of `ports`.
public struct PolicyPort: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case number(Int)
        case name(String)
    }

    public var proto: NetworkProtocol
    /// nil: every port of `proto`.
    public var port: Value?
    /// Inclusive end of a numeric range.
    public var endPort: Int?

    public init(proto: NetworkProtocol = .tcp, port: Value? = nil, endPort: Int? = nil) {
        self.proto = proto
        self.port = port
        self.endPort = endPort
    }

    /// The ports this entry allows towards a destination with the given container ports
    /// (nil for an external destination: named ports never match it).
    public func connections(destinationPorts: [ContainerPort]?) -> ConnectionSet {
        switch port {
        case nil:
            return ConnectionSet(proto, .all)
        case .number(let n):
            return ConnectionSet(proto, PortSet(range: n...max(n, endPort ?? n)))
        case .name(let name):
            guard let destinationPorts else { return .none }
            let numbers = destinationPorts.filter { $0.name == name && $0.proto == proto }.map { $0.port...$0.port }
            return ConnectionSet(proto, PortSet(numbers))
        }
    }

    public var isNamed: Bool {
        if case .name = port { return true }
        return false
    }
}
