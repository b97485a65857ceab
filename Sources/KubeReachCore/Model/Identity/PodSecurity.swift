/// The security facts of a pod spec (a Pod's or a workload template's): what the attack
/// graph and the Pod Security checks read (the pod's node and service account are on `Pod`). Every value is as written; nil means not written.
public struct PodSecurity: Hashable, Sendable {
    /// Where the pod spec is in its object (`spec`, `spec.template.spec`, ...): the prefix of
    /// every field path reported about it.
    public var specPath: String
    /// The pod's `automountServiceAccountToken` (it overrides the ServiceAccount's).
    public var automountToken: Bool?
    public var nodeSelector: [String: String]
    public var hostNetwork: Bool
    public var hostPID: Bool
    public var hostIPC: Bool
    public var shareProcessNamespace: Bool
    /// The pod-level `securityContext` (containers inherit what they do not set).
    public var context: SecurityContext
    /// `securityContext.sysctls[].name`.
    public var sysctls: [String]
    public var volumes: [PodVolume]
    public var containers: [ContainerSecurity]

    public init(
        specPath: String = "spec", automountToken: Bool? = nil,
        nodeSelector: [String: String] = [:], hostNetwork: Bool = false, hostPID: Bool = false, hostIPC: Bool = false,
        shareProcessNamespace: Bool = false, context: SecurityContext = .init(), sysctls: [String] = [], volumes: [PodVolume] = [],
        containers: [ContainerSecurity] = []
    ) {
        self.specPath = specPath
        self.automountToken = automountToken
        self.nodeSelector = nodeSelector
        self.hostNetwork = hostNetwork
        self.hostPID = hostPID
        self.hostIPC = hostIPC
        self.shareProcessNamespace = shareProcessNamespace
        self.context = context
        self.sysctls = sysctls
        self.volumes = volumes
        self.containers = containers
    }

    /// Whether the service account's token is mounted: the pod's field, else the
    /// ServiceAccount's, else true (the Kubernetes default).
    public func mountsToken(serviceAccount: ServiceAccount?) -> Bool {
        automountToken ?? serviceAccount?.automountToken ?? true
    }
}

/// The fields of a `securityContext` the checks read (pod or container level).
public struct SecurityContext: Hashable, Sendable {
    public var privileged: Bool?
    public var allowPrivilegeEscalation: Bool?
    public var capabilitiesAdd: [String]
    public var capabilitiesDrop: [String]
    public var runAsUser: Int?
    public var runAsNonRoot: Bool?
    /// `seccompProfile.type` (`RuntimeDefault`, `Localhost`, `Unconfined`).
    public var seccompProfile: String?
    /// `appArmorProfile.type`, or the pre-1.30 annotation's value (`runtime/default`, `unconfined`, `localhost/NAME`).
    public var appArmorProfile: String?
    /// `seLinuxOptions.type`, `.user`, `.role`.
    public var seLinuxType: String?
    public var seLinuxUser: String?
    public var seLinuxRole: String?
    /// `procMount` (`Default`, `Unmasked`).
    public var procMount: String?
    /// `windowsOptions.hostProcess`.
    public var windowsHostProcess: Bool?

    public init(
        privileged: Bool? = nil, allowPrivilegeEscalation: Bool? = nil, capabilitiesAdd: [String] = [], capabilitiesDrop: [String] = [],
        runAsUser: Int? = nil, runAsNonRoot: Bool? = nil, seccompProfile: String? = nil, appArmorProfile: String? = nil,
        seLinuxType: String? = nil, seLinuxUser: String? = nil, seLinuxRole: String? = nil, procMount: String? = nil,
        windowsHostProcess: Bool? = nil
    ) {
        self.privileged = privileged
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
        self.capabilitiesAdd = capabilitiesAdd
        self.capabilitiesDrop = capabilitiesDrop
        self.runAsUser = runAsUser
        self.runAsNonRoot = runAsNonRoot
        self.seccompProfile = seccompProfile
        self.appArmorProfile = appArmorProfile
        self.seLinuxType = seLinuxType
        self.seLinuxUser = seLinuxUser
        self.seLinuxRole = seLinuxRole
        self.procMount = procMount
        self.windowsHostProcess = windowsHostProcess
    }
}

/// One container (or init or ephemeral container) and its own security settings.
public struct ContainerSecurity: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        case container = "containers"
        case initContainer = "initContainers"
        case ephemeral = "ephemeralContainers"
    }

    public var name: String
    public var role: Role
    /// Index in its list: the field path is `\(specPath).\(role.rawValue)[\(index)]`.
    public var index: Int
    public var context: SecurityContext
    /// `ports[].hostPort` values written (non-zero).
    public var hostPorts: [Int]
    public var volumeMounts: [VolumeMount]
    /// `ports[].containerPort` values: which container serves a port (the attack graph's foothold).
    public var ports: [Int] = []

    public init(
        name: String, role: Role = .container, index: Int = 0, context: SecurityContext = .init(), hostPorts: [Int] = [],
        volumeMounts: [VolumeMount] = []
    ) {
        self.name = name
        self.role = role
        self.index = index
        self.context = context
        self.hostPorts = hostPorts
        self.volumeMounts = volumeMounts
    }
}

/// `volumeMounts[]`: which volume, where, and whether read-only.
public struct VolumeMount: Hashable, Sendable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool

    public init(name: String, mountPath: String, readOnly: Bool = false) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
    }
}

/// A pod volume: its source type (`hostPath`, `projected`, `emptyDir`, ...) and the facts
/// the checks need about the dangerous ones.
public struct PodVolume: Hashable, Sendable {
    public var name: String
    /// The key of its source (`hostPath`, `configMap`, ...); `unknown` when none was written.
    public var type: String
    /// `hostPath.path`.
    public var hostPath: String?
    /// A `projected` volume with a `serviceAccountToken` source.
    public var projectsServiceAccountToken: Bool

    public init(name: String, type: String, hostPath: String? = nil, projectsServiceAccountToken: Bool = false) {
        self.name = name
        self.type = type
        self.hostPath = hostPath
        self.projectsServiceAccountToken = projectsServiceAccountToken
    }
}
