import KubeReachCore

/// A vertex of the attack graph: where an attacker can stand.
public enum AttackVertex: Hashable, Sendable, Comparable, CustomStringConvertible {
    case internet
    /// A foothold in the workload's pod in a container of the attacker's choice (`ns/name[Kind]`):
    /// what exec, attach, patch and pod creation give. For a one-container pod it is also the
    /// container a served port gives.
    case workload(WorkloadRef)
    /// A foothold in one container of a pod with several (`ns/name[Kind]/CONTAINER`): what
    /// exploiting the port it serves gives; the others only through `shareProcessNamespace`
    /// or the node.
    case container(WorkloadRef, String)
    /// Root on a node; nil is `node:*`, the node an unplaced pod runs on.
    case node(String?)
    case serviceAccount(namespace: String, name: String)
    case secret(namespace: String, name: String)
    /// Acting as a user (impersonated, or the kubelet's `system:node:NAME` held by root on its node).
    case user(String)
    /// Acting as a member of a group (impersonated).
    case group(String)
    /// Every verb on every resource cluster-wide.
    case clusterAdmin

    /// The vertex id of the JSON document: `internet`, `ns/name[Kind]`,
    /// `ns/name[Kind]/CONTAINER`, `node:NAME`, `node:*`, `serviceaccount:NS/NAME`,
    /// `secret:NS/NAME`, `user:NAME`, `group:NAME`, `cluster-admin`.
    public var description: String {
        switch self {
        case .internet: "internet"
        case .workload(let w): w.description
        case .container(let w, let name): "\(w.description)/\(name)"
        case .node(let name): "node:\(name ?? "*")"
        case .serviceAccount(let ns, let name): "serviceaccount:\(ns)/\(name)"
        case .secret(let ns, let name): "secret:\(ns)/\(name)"
        case .user(let name): "user:\(name)"
        case .group(let name): "group:\(name)"
        case .clusterAdmin: "cluster-admin"
        }
    }

    public var isNode: Bool { if case .node = self { true } else { false } }

    /// The workload of a workload or container vertex.
    public var workload: WorkloadRef? {
        switch self {
        case .workload(let w), .container(let w, _): w
        default: nil
        }
    }

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
    case corePattern = "CE_UMH_CORE_PATTERN"
    case varLogSymlink = "CE_VAR_LOG_SYMLINK"
    case hostRead = "EXPLOIT_HOST_READ"
    case hostTraverse = "EXPLOIT_HOST_TRAVERSE"
    case sharePsNamespace = "SHARE_PS_NAMESPACE"
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
