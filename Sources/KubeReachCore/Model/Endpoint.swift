/// Anything a result can name: a pod, a workload, a namespace or an external address range
/// (and later nodes, services, service accounts and secrets). Results carry it, formatters
/// print its `description`, and nothing parses a printed name back.
public enum Endpoint: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A pod (`ns/name`).
    case pod(namespace: String, name: String)
    /// A workload: the top controller of some pods, or a bare pod (`ns/name[Kind]`).
    case workload(WorkloadRef)
    /// A namespace (`ns`).
    case namespace(String)
    /// Addresses outside every loaded pod (`10.0.0.0-10.255.255.255[External]`).
    case external(IPRange)
    /// One external address a user asked about (`8.8.8.8[External]`).
    case address(IPAddress)
    /// A Service, answered through its backend pods (`ns/name[Service]`).
    case service(namespace: String, name: String)

    /// Today's text, as netpol-analyzer prints endpoints.
    public var description: String {
        switch self {
        case .pod(let ns, let name): "\(ns)/\(name)"
        case .workload(let w): w.description
        case .namespace(let ns): ns
        case .external(let r): r.description + Self.externalSuffix
        case .address(let ip): ip.description + Self.externalSuffix
        case .service(let ns, let name): "\(ns)/\(name)[Service]"
        }
    }

    /// The only place the suffix of external endpoints is written.
    private static let externalSuffix = "[External]"

    /// Byte order of the printed text, so that results sort as they always have.
    public static func < (l: Self, r: Self) -> Bool { l.utf8Precedes(r) }

    /// `<`, spelt as for strings (`String.utf8Precedes`).
    public func utf8Precedes(_ other: Endpoint) -> Bool { description.utf8Precedes(other.description) }

    /// The external range, when this is one (a single address is a one-address range).
    public var externalRange: IPRange? {
        switch self {
        case .external(let r): r
        case .address(let ip): IPRange(family: ip.family, lower: ip.value, upper: ip.value)
        default: nil
        }
    }

    public var isExternal: Bool { externalRange != nil }

    /// The namespace the endpoint belongs to (nil for external ranges).
    public var namespace: String? {
        switch self {
        case .pod(let ns, _): ns
        case .workload(let w): w.namespace
        case .namespace(let ns): ns
        case .service(let ns, _): ns
        case .external, .address: nil
        }
    }

    /// The name within its namespace (`web[Deployment]` for a workload, the namespace itself
    /// for a namespace, the whole text for an external range): what a diagram box shows.
    public var localName: String {
        switch self {
        case .pod(_, let name): name
        case .workload(let w): "\(w.name)[\(w.kind)]"
        case .namespace(let ns): ns
        case .service(_, let name): "\(name)[Service]"
        case .external, .address: description
        }
    }

    /// The bare object name (`web`), without namespace or kind.
    public var bareName: String? {
        switch self {
        case .pod(_, let name): name
        case .workload(let w): w.name
        case .namespace(let ns): ns
        case .service(_, let name): name
        case .external, .address: nil
        }
    }
}

extension Array where Element == Endpoint {
    /// Sorted in byte order of the printed names, computing each name once.
    public func sortedByName() -> [Endpoint] {
        map { ($0.description, $0) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1)
    }
}
