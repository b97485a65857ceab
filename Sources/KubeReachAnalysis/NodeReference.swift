import KubeReachCore

/// What `--from`/`--to` name: `internet`, `ns/*`, `ns/name`, `ns/Kind/name`, or a label
/// selector (`app=db,tier in (a,b)` is not parsed here: `key=value` pairs, comma-separated).
public enum NodeReference: Sendable, Hashable, CustomStringConvertible {
    case internet
    case namespace(String)
    case workload(namespace: String, kind: String?, name: String)
    case selector([String: String])

    public static func parse(_ text: String) -> NodeReference? {
        if text == ReachabilityGraph.internet { return .internet }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        switch parts.count {
        case 2: return parts[1] == "*" ? .namespace(parts[0]) : .workload(namespace: parts[0], kind: nil, name: parts[1])
        case 3: return .workload(namespace: parts[0], kind: parts[1], name: parts[2])
        default: return nil
        }
    }

    /// `app=db,tier=data`
    public static func parseSelector(_ text: String) -> NodeReference? {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[0].isEmpty else { return nil }
            labels[kv[0]] = kv[1]
        }
        return labels.isEmpty ? nil : .selector(labels)
    }

    public var description: String {
        switch self {
        case .internet: return ReachabilityGraph.internet
        case .namespace(let ns): return "\(ns)/*"
        case .workload(let ns, let kind, let name): return kind.map { "\(ns)/\($0)/\(name)" } ?? "\(ns)/\(name)"
        case .selector(let labels): return labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
    }
}

extension ReachabilityGraph {
    /// The nodes a reference names (empty when none).
    public func nodes(_ ref: NodeReference) -> [Int] {
        names.indices.filter { n in
            let name = names[n]
            switch ref {
            case .internet: return isExternal(n)
            case .namespace(let ns): return !isExternal(n) && name.hasPrefix(ns + "/")
            case .workload(let ns, let kind, let wanted):
                guard !isExternal(n), name.hasPrefix(ns + "/"), let open = name.lastIndex(of: "[") else { return false }
                let bare = String(name[name.index(name.startIndex, offsetBy: ns.count + 1)..<open])
                let k = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                return bare == wanted && (kind.map { $0.lowercased() == k.lowercased() } ?? true)
            case .selector(let labels):
                return podsOfNode[n].contains { p in labels.allSatisfy { cluster.pods[p].labels[$0.key] == $0.value } }
            }
        }
    }
}
