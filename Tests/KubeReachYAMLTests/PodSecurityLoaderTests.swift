import KubeReachCore
import KubeReachYAML
import Testing

/// The security facts of pod specs (Pods and workload templates), each at its field path.
@Suite struct PodSecurityLoaderTests {
    @Test func podSpecSecurityFactsAreRead() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
              namespace: ops
              annotations: {container.apparmor.security.beta.kubernetes.io/tool: unconfined}
            spec:
              serviceAccountName: agent-sa
              automountServiceAccountToken: true
              nodeName: node-1
              nodeSelector: {disk: ssd}
              hostPID: true
              hostIPC: true
              shareProcessNamespace: true
              securityContext: {runAsUser: 0, sysctls: [{name: kernel.msgmax, value: "1"}], seccompProfile: {type: Unconfined}}
              volumes:
              - {name: root, hostPath: {path: /, type: Directory}}
              - name: token
                projected: {sources: [{serviceAccountToken: {path: token}}]}
              - {name: scratch, emptyDir: {}}
              containers:
              - name: tool
                securityContext:
                  privileged: true
                  allowPrivilegeEscalation: true
                  capabilities: {add: [SYS_ADMIN, SYS_PTRACE], drop: [NET_RAW]}
                  runAsNonRoot: false
                ports: [{containerPort: 8080, hostPort: 8080}]
                volumeMounts: [{name: root, mountPath: /host, readOnly: true}]
              ephemeralContainers:
              - {name: debug, securityContext: {procMount: Unmasked}}
            """
        let r = try load(text)
        let pod = try #require(r.cluster.pods.first)
        let s = try #require(pod.security)
        #expect(s.specPath == "spec" && pod.serviceAccountName == "agent-sa" && s.automountToken == true)
        #expect(pod.nodeName == "node-1" && s.nodeSelector == ["disk": "ssd"])
        #expect(s.hostPID && s.hostIPC && s.shareProcessNamespace && !s.hostNetwork)
        #expect(s.context.runAsUser == 0 && s.context.seccompProfile == "Unconfined" && s.sysctls == ["kernel.msgmax"])
        #expect(s.volumes.map(\.type) == ["hostPath", "projected", "emptyDir"])
        #expect(s.volumes[0].hostPath == "/" && s.volumes[1].projectsServiceAccountToken)
        let tool = try #require(s.containers.first)
        #expect(tool.context.privileged == true && tool.context.allowPrivilegeEscalation == true)
        #expect(tool.context.capabilitiesAdd == ["SYS_ADMIN", "SYS_PTRACE"] && tool.context.capabilitiesDrop == ["NET_RAW"])
        #expect(tool.context.appArmorProfile == "Unconfined" && tool.hostPorts == [8080])
        #expect(tool.volumeMounts == [VolumeMount(name: "root", mountPath: "/host", readOnly: true)])
        let debug = try #require(s.containers.last)
        #expect(debug.role == .ephemeral && debug.index == 0 && debug.context.procMount == "Unmasked")
    }

    @Test func templateFactsCarryTheTemplatePath() throws {
        let text = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: ops}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  hostNetwork: true
                  containers: [{name: a, image: x}]
            """
        let pod = try #require(try load(text).cluster.pods.first)
        #expect(pod.security?.specPath == "spec.template.spec" && pod.serviceAccountName == "default")
        #expect(pod.security?.hostNetwork == true && pod.workload.kind == "DaemonSet")
    }

    /// A misspelt securityContext key would read as "not privileged": it is a warning at its path.
    @Test func misspeltSecurityContextKeyWarns() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext: {runAsNonRot: true}
              containers: [{name: a, securityContext: {priviliged: true, capabilities: {adds: [NET_ADMIN]}}}]
            """
        let r = try load(text)
        for (path, hint) in [
            ("spec.securityContext.runAsNonRot", "runAsNonRoot"), ("spec.containers[0].securityContext.priviliged", "privileged"),
            ("spec.containers[0].securityContext.capabilities.adds", "add"),
        ] {
            #expect(r.diagnostics.contains { $0.fieldPath == path && $0.message.contains("did you mean '\(hint)'?") }, "\(path)")
        }
    }

    @Test func mountsTokenFollowsPodThenServiceAccount() {
        let sa = ServiceAccount(namespace: "a", name: "s", automountToken: false)
        #expect(!PodSecurity().mountsToken(serviceAccount: sa))
        #expect(PodSecurity(automountToken: true).mountsToken(serviceAccount: sa))
        #expect(PodSecurity().mountsToken(serviceAccount: nil))
    }
}
