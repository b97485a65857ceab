import KubeReachCore
import KubeReachRBAC
import KubeReachYAML

/// `--with-default-rbac` (can-i, who-can, attack-paths): the input's RBAC objects with
/// Kubernetes' defaults added where the input does not define the same objects.
extension DefaultRBAC {
    static func added(to identity: IdentityObjects) throws -> IdentityObjects {
        identity.addingDefaults(try ManifestLoader.load([source]).cluster.identity)
    }
}
