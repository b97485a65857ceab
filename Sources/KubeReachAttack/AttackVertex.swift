import KubeReachCore

/// A vertex of the attack graph: where an attacker can stand.
public enum AttackVertex: Hashable, Sendable, Comparable, CustomStringConvertible {
    case internet
    /// A foothold in a workload's container (`ns/name[Kind]`).
    case workload(WorkloadRef)
    /// Root on a node; nil is `node:*`, the node an unplaced pod runs on.
    case node(String?)
    case serviceAccount(namespace: String, name: String)
    case secret(namespace: String, name: String)
    /// Every verb on every resource cluster-wide.
    case clusterAdmin

    /// The vertex id of the JSON document: `internet`, `ns/name[Kind]`, `node:NAME`,
    /// `node:*`, `serviceaccount:NS/NAME`, `secret:NS/NAME`, `cluster-admin`.
    public var description: String {
        switch self {
        case .internet: "internet"
        case .workload(let w): w.description
        case .node(let name): "node:\(name ?? "*")"
        case .serviceAccount(let ns, let name): "serviceaccount:\(ns)/\(name)"
        case .secret(let ns, let name): "secret:\(ns)/\(name)"
        case .clusterAdmin: "cluster-admin"
        }
    }

    public var isNode: Bool { if case .node = self { true } else { false } }

    public static func < (l: Self, r: Self) -> Bool { l.description.utf8Precedes(r.description) }
}

/// How an attacker moves along an edge. KubeHound's names where it has the technique;
/// kubereach's own otherwise (see Docs/attack-graph.md).
public enum AttackTechnique: String, Sendable, Hashable, CaseIterable {
    case endpointExploit = "ENDPOINT_EXPLOIT"
    case identityAssume = "IDENTITY_ASSUME"
    case tokenSteal = "TOKEN_STEAL"
    case podExec = "POD_EXEC"
    case podAttach = "POD_ATTACH"
    case podPatch = "POD_PATCH"
    case podCreate = "POD_CREATE"
    case workloadCreate = "WORKLOAD_CREATE"
    case ephemeralContainer = "EPHEMERAL_CONTAINER"
    case tokenList = "TOKEN_LIST"
    case tokenBruteforce = "TOKEN_BRUTEFORCE"
    case secretRead = "SECRET_READ"
    case saTokenCreate = "SA_TOKEN_CREATE"
    case impersonate = "IMPERSONATE"
    case roleBind = "ROLE_BIND"
    case escalate = "ESCALATE"
    case nodeProxy = "NODE_PROXY"
    case clusterAdminRights = "CLUSTER_ADMIN_RIGHTS"
    case privilegedMount = "CE_PRIV_MOUNT"
    case nsenter = "CE_NSENTER"
    case moduleLoad = "CE_MODULE_LOAD"
    case sysPtrace = "CE_SYS_PTRACE"
    case hostWrite = "EXPLOIT_HOST_WRITE"
}

/// One edge: a technique, why it applies, and the object whose definition creates it.
public struct AttackEdge: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var technique: AttackTechnique
    public var why: String
    public var source: SourceLocation?

    public init(from: Int, to: Int, technique: AttackTechnique, why: String, source: SourceLocation?) {
        self.from = from
        self.to = to
        self.technique = technique
        self.why = why
        self.source = source
    }
}
