extension PortSpecifier {
    /// A port name the destination does not declare, or a specifier where one port was needed.
    public struct ResolveError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The connections the specifier stands for toward these destination pods: a name becomes
    /// every protocol and number the pods declare under it (a named port resolves per pod,
    /// as in a policy). `pods` nil: no single destination, so a name is an error.
    public func connections(on pods: [Pod]?) throws(ResolveError) -> ConnectionSet {
        switch port {
        case .every: return proto.map { ConnectionSet($0, .all) } ?? .all
        case .range(let r): return ConnectionSet(proto ?? .tcp, PortSet(range: r))
        case .name(let n):
            var out = ConnectionSet.none
            for d in try Self.declared(n, proto, on: pods) { out = out.union(ConnectionSet(d.proto, PortSet(port: d.port))) }
            return out
        }
    }

    /// The one protocol and port asked about (nil for a whole protocol or `all`). A name
    /// must mean one number on every destination pod; a range is refused.
    public func singlePort(on pods: [Pod]?) throws(ResolveError) -> (NetworkProtocol, Int)? {
        switch port {
        case .every: return nil
        case .range(let r):
            guard r.count == 1 else { throw ResolveError(description: "'\(self)': ask about one port, not a range") }
            return (proto ?? .tcp, r.lowerBound)
        case .name(let n):
            let found = try Self.declared(n, proto, on: pods)
            guard found.count == 1, let only = found.first else {
                let list = found.sorted { ($0.proto.rawValue, $0.port) < ($1.proto.rawValue, $1.port) }.map {
                    "\($0.proto.rawValue) \($0.port)"
                }
                throw ResolveError(
                    description: "port '\(n)' names \(list.joined(separator: ", ")) on the destination's pods; ask with the number")
            }
            return (only.proto, only.port)
        }
    }

    /// Every (protocol, number) the pods declare under the name; an error naming the ports
    /// they do declare when none does.
    static func declared(_ name: String, _ proto: NetworkProtocol?, on pods: [Pod]?) throws(ResolveError) -> Set<Pair> {
        guard let pods else {
            throw ResolveError(description: "port '\(name)' is a name: it needs one destination to resolve on; give a number")
        }
        var found = Set<Pair>(), known = Set<String>()
        for pod in pods {
            for c in pod.ports {
                guard let n = c.name else { continue }
                known.insert(n)
                if n == name && (proto == nil || proto == c.proto) { found.insert(Pair(c.proto, c.port)) }
            }
        }
        guard found.isEmpty else { return found }
        let hint = known.isEmpty ? "it names no container port" : "its named ports: \(known.sorted().joined(separator: ", "))"
        throw ResolveError(description: "no container port named '\(name)' on the destination (\(hint))")
    }

    struct Pair: Hashable {
        var proto: NetworkProtocol
        var port: Int
        init(_ proto: NetworkProtocol, _ port: Int) {
            self.proto = proto
            self.port = port
        }
    }
}
